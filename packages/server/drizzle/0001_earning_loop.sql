CREATE TABLE "achievement_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"achievement_id" text NOT NULL,
	"org_id" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text
);
--> statement-breakpoint
CREATE TABLE "achievements" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"status" text NOT NULL,
	"draft" jsonb NOT NULL,
	"latest_version_id" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "credentials" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"submission_id" text,
	"achievement_id" text NOT NULL,
	"version_id" text NOT NULL,
	"learner_id" text NOT NULL,
	"document" jsonb NOT NULL,
	"jwt" text,
	"revocation_list_id" text NOT NULL,
	"revocation_index" integer NOT NULL,
	"suspension_list_id" text NOT NULL,
	"suspension_index" integer NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"suspended_at" timestamp with time zone,
	"suspended_reason" text,
	CONSTRAINT "credentials_submission_id_unique" UNIQUE("submission_id")
);
--> statement-breakpoint
CREATE TABLE "evidence_items" (
	"submission_id" text NOT NULL,
	"requirement_id" text NOT NULL,
	"kind" text NOT NULL,
	"text" text,
	"url" text,
	"file_id" text,
	"is_public" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evidence_items_submission_id_requirement_id_pk" PRIMARY KEY("submission_id","requirement_id")
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"purpose" text NOT NULL,
	"name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_slots" (
	"submission_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"slot" integer NOT NULL,
	"assessor_id" text,
	"claim_expires_at" timestamp with time zone,
	"review_id" text,
	CONSTRAINT "review_slots_submission_id_attempt_slot_pk" PRIMARY KEY("submission_id","attempt","slot")
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"submission_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"kind" text NOT NULL,
	"assessor_id" text,
	"scores" jsonb NOT NULL,
	"overall_feedback" text NOT NULL,
	"decision" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_lists" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"purpose" text NOT NULL,
	"seq" integer NOT NULL,
	"size" integer NOT NULL,
	"next_index" integer NOT NULL,
	"bits" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submission_attempts" (
	"submission_id" text NOT NULL,
	"number" integer NOT NULL,
	"evidence" jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	CONSTRAINT "submission_attempts_submission_id_number_pk" PRIMARY KEY("submission_id","number")
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"achievement_id" text NOT NULL,
	"version_id" text NOT NULL,
	"learner_id" text NOT NULL,
	"state" text NOT NULL,
	"attempt" integer NOT NULL,
	"double_scored" boolean DEFAULT false NOT NULL,
	"open_criteria" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "review_sla_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "double_score_percent" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "blind_reviews" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "achievement_versions" ADD CONSTRAINT "achievement_versions_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievement_versions" ADD CONSTRAINT "achievement_versions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievement_versions" ADD CONSTRAINT "achievement_versions_published_by_accounts_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_version_id_achievement_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."achievement_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_learner_id_accounts_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_owner_id_accounts_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_slots" ADD CONSTRAINT "review_slots_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_slots" ADD CONSTRAINT "review_slots_assessor_id_accounts_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_assessor_id_accounts_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_lists" ADD CONSTRAINT "status_lists_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_attempts" ADD CONSTRAINT "submission_attempts_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_version_id_achievement_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."achievement_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_learner_id_accounts_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "achievement_versions_unique" ON "achievement_versions" USING btree ("achievement_id","version");--> statement-breakpoint
CREATE INDEX "achievements_org_idx" ON "achievements" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "credentials_org_idx" ON "credentials" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "credentials_learner_idx" ON "credentials" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "notifications_account_idx" ON "notifications" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_one_per_assessor" ON "reviews" USING btree ("submission_id","attempt","kind","assessor_id");--> statement-breakpoint
CREATE INDEX "reviews_submission_idx" ON "reviews" USING btree ("submission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "status_lists_unique" ON "status_lists" USING btree ("org_id","purpose","seq");--> statement-breakpoint
CREATE INDEX "submissions_org_state_idx" ON "submissions" USING btree ("org_id","state","submitted_at");--> statement-breakpoint
CREATE INDEX "submissions_learner_idx" ON "submissions" USING btree ("learner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_one_active" ON "submissions" USING btree ("learner_id","achievement_id") WHERE state not in ('passed', 'not_passed');