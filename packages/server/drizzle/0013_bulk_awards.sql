CREATE TABLE "bulk_award_rows" (
	"run_id" text NOT NULL,
	"row" integer NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"issued_on" text DEFAULT '' NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"evidence_url" text DEFAULT '' NOT NULL,
	"levels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"has_problems" boolean DEFAULT false NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"award_id" text,
	"credential_id" text,
	"message" text,
	"done_at" timestamp with time zone,
	CONSTRAINT "bulk_award_rows_run_id_row_pk" PRIMARY KEY("run_id","row")
);
--> statement-breakpoint
CREATE TABLE "bulk_award_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"achievement_id" text NOT NULL,
	"file_name" text NOT NULL,
	"state" text NOT NULL,
	"total" integer NOT NULL,
	"level_columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"send_claim_mail" boolean DEFAULT true NOT NULL,
	"job_id" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"active_ms" bigint DEFAULT 0 NOT NULL,
	"done_at_resume" integer DEFAULT 0 NOT NULL,
	"resumed_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "bulk_award_rows" ADD CONSTRAINT "bulk_award_rows_run_id_bulk_award_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."bulk_award_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_award_runs" ADD CONSTRAINT "bulk_award_runs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_award_runs" ADD CONSTRAINT "bulk_award_runs_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_award_runs" ADD CONSTRAINT "bulk_award_runs_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_award_rows_pending_idx" ON "bulk_award_rows" USING btree ("run_id","outcome","row");--> statement-breakpoint
CREATE INDEX "bulk_award_rows_problems_idx" ON "bulk_award_rows" USING btree ("run_id","has_problems","row");--> statement-breakpoint
CREATE INDEX "bulk_award_runs_org_idx" ON "bulk_award_runs" USING btree ("org_id","created_at");