CREATE TABLE "achievement_alignments" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"achievement_id" text NOT NULL,
	"version_id" text,
	"criterion_id" text,
	"skill_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skill_associations" (
	"framework_id" text NOT NULL,
	"identifier" text NOT NULL,
	"type" text NOT NULL,
	"from_skill_id" text NOT NULL,
	"to_skill_id" text,
	"to_uri" text,
	CONSTRAINT "skill_associations_framework_id_identifier_pk" PRIMARY KEY("framework_id","identifier")
);
--> statement-breakpoint
CREATE TABLE "skill_frameworks" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text NOT NULL,
	"source_uri" text,
	"version" text,
	"licence" text,
	"skill_count" integer DEFAULT 0 NOT NULL,
	"imported_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"id" text PRIMARY KEY NOT NULL,
	"framework_id" text NOT NULL,
	"identifier" text NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"uri" text,
	"type" text,
	"parent_id" text,
	"position" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "achievement_alignments" ADD CONSTRAINT "achievement_alignments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievement_alignments" ADD CONSTRAINT "achievement_alignments_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievement_alignments" ADD CONSTRAINT "achievement_alignments_version_id_achievement_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."achievement_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievement_alignments" ADD CONSTRAINT "achievement_alignments_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_associations" ADD CONSTRAINT "skill_associations_framework_id_skill_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."skill_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_associations" ADD CONSTRAINT "skill_associations_from_skill_id_skills_id_fk" FOREIGN KEY ("from_skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_associations" ADD CONSTRAINT "skill_associations_to_skill_id_skills_id_fk" FOREIGN KEY ("to_skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_frameworks" ADD CONSTRAINT "skill_frameworks_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_frameworks" ADD CONSTRAINT "skill_frameworks_imported_by_accounts_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skills" ADD CONSTRAINT "skills_framework_id_skill_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."skill_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "achievement_alignments_unique" ON "achievement_alignments" USING btree ("achievement_id",coalesce("version_id", ''),coalesce("criterion_id", ''),"skill_id");--> statement-breakpoint
CREATE INDEX "achievement_alignments_version_idx" ON "achievement_alignments" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "achievement_alignments_skill_idx" ON "achievement_alignments" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "skill_associations_from_idx" ON "skill_associations" USING btree ("from_skill_id");--> statement-breakpoint
CREATE INDEX "skill_associations_to_idx" ON "skill_associations" USING btree ("to_skill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skill_frameworks_source_unique" ON "skill_frameworks" USING btree (coalesce("org_id", ''),"source_kind","source_id");--> statement-breakpoint
CREATE INDEX "skill_frameworks_org_idx" ON "skill_frameworks" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skills_framework_identifier" ON "skills" USING btree ("framework_id","identifier");--> statement-breakpoint
CREATE INDEX "skills_framework_parent_idx" ON "skills" USING btree ("framework_id","parent_id","position");--> statement-breakpoint
CREATE INDEX "skills_code_idx" ON "skills" USING btree (lower("code"));--> statement-breakpoint
CREATE INDEX "skills_uri_idx" ON "skills" USING btree ("uri");--> statement-breakpoint
CREATE INDEX "skills_search_idx" ON "skills" USING gin (to_tsvector('simple', "name" || ' ' || coalesce("code", '') || ' ' || "description"));