ALTER TABLE "jobs" ADD COLUMN "org_id" text;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "sending_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "review_label_secret" text;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "verified_domain" text;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "domain_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "domain_verification_method" text;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "pending_domain" text;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "domain_token" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_org_state_idx" ON "jobs" USING btree ("org_id","state");--> statement-breakpoint
UPDATE "jobs" SET "org_id" = "submissions"."org_id" FROM "submissions" WHERE "jobs"."type" = 'credential.issue' AND "jobs"."org_id" IS NULL AND "submissions"."id" = "jobs"."payload"->>'submissionId';