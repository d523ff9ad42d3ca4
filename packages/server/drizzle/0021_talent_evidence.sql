CREATE TABLE "talent_skill_evidence" (
	"account_id" text NOT NULL,
	"skill_url" text NOT NULL,
	"kind" text NOT NULL,
	"source_id" text NOT NULL,
	"level_scale" integer
);
--> statement-breakpoint
ALTER TABLE "talent_profiles" ADD COLUMN "evidence_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "talent_skill_evidence" ADD CONSTRAINT "talent_skill_evidence_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "talent_skill_evidence_skill_idx" ON "talent_skill_evidence" USING btree ("skill_url","account_id");--> statement-breakpoint
CREATE INDEX "talent_skill_evidence_account_idx" ON "talent_skill_evidence" USING btree ("account_id");