ALTER TABLE "credentials" ALTER COLUMN "suspension_list_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "credentials" ALTER COLUMN "suspension_index" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "suspension_enabled" boolean DEFAULT false NOT NULL;