ALTER TABLE "credentials" DROP CONSTRAINT "credentials_submission_id_unique";--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "replaced_by" text;--> statement-breakpoint
CREATE UNIQUE INDEX "credentials_submission_current" ON "credentials" USING btree ("submission_id") WHERE replaced_by is null;