ALTER TABLE "credentials" ADD COLUMN "visibility" text DEFAULT 'unlisted' NOT NULL;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "show_name" boolean;