CREATE TABLE "credential_achievements" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"document" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "achievement_ref" text;--> statement-breakpoint
ALTER TABLE "credential_achievements" ADD CONSTRAINT "credential_achievements_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_achievement_ref_credential_achievements_id_fk" FOREIGN KEY ("achievement_ref") REFERENCES "public"."credential_achievements"("id") ON DELETE no action ON UPDATE no action;