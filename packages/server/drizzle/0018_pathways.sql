CREATE TABLE "pathway_completions" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"pathway_id" text NOT NULL,
	"version_id" text NOT NULL,
	"learner_id" text NOT NULL,
	"group_id" text NOT NULL,
	"award_id" text NOT NULL,
	"parts" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pathway_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"pathway_id" text NOT NULL,
	"org_id" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"achievement_ids" jsonb NOT NULL,
	"completion_achievement_id" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text
);
--> statement-breakpoint
CREATE TABLE "pathways" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"status" text NOT NULL,
	"draft" jsonb NOT NULL,
	"latest_version_id" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pathway_completions" ADD CONSTRAINT "pathway_completions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_completions" ADD CONSTRAINT "pathway_completions_pathway_id_pathways_id_fk" FOREIGN KEY ("pathway_id") REFERENCES "public"."pathways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_completions" ADD CONSTRAINT "pathway_completions_version_id_pathway_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."pathway_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_completions" ADD CONSTRAINT "pathway_completions_learner_id_accounts_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_completions" ADD CONSTRAINT "pathway_completions_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_versions" ADD CONSTRAINT "pathway_versions_pathway_id_pathways_id_fk" FOREIGN KEY ("pathway_id") REFERENCES "public"."pathways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_versions" ADD CONSTRAINT "pathway_versions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_versions" ADD CONSTRAINT "pathway_versions_completion_achievement_id_achievements_id_fk" FOREIGN KEY ("completion_achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_versions" ADD CONSTRAINT "pathway_versions_published_by_accounts_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathways" ADD CONSTRAINT "pathways_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathways" ADD CONSTRAINT "pathways_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pathway_completions_unique" ON "pathway_completions" USING btree ("pathway_id","learner_id","group_id");--> statement-breakpoint
CREATE INDEX "pathway_completions_learner_idx" ON "pathway_completions" USING btree ("learner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pathway_versions_unique" ON "pathway_versions" USING btree ("pathway_id","version");--> statement-breakpoint
CREATE INDEX "pathways_org_idx" ON "pathways" USING btree ("org_id");