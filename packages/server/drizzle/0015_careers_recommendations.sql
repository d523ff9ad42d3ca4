CREATE TABLE "achievement_earners" (
	"achievement_id" text PRIMARY KEY NOT NULL,
	"learners" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "co_earnings" (
	"before_id" text NOT NULL,
	"after_id" text NOT NULL,
	"learners" integer NOT NULL,
	CONSTRAINT "co_earnings_before_id_after_id_pk" PRIMARY KEY("before_id","after_id")
);
--> statement-breakpoint
CREATE TABLE "learner_goals" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"occupation_code" text,
	"role_id" text,
	"target" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occupation_skills" (
	"occupation_code" text NOT NULL,
	"skill_url" text NOT NULL,
	"skill_name" text NOT NULL,
	"importance" integer NOT NULL,
	CONSTRAINT "occupation_skills_occupation_code_skill_url_pk" PRIMARY KEY("occupation_code","skill_url")
);
--> statement-breakpoint
CREATE TABLE "occupations" (
	"code" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_roles" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendation_stats" (
	"id" text PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"learners" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_skills" (
	"role_id" text NOT NULL,
	"skill_url" text NOT NULL,
	"skill_name" text NOT NULL,
	"level" integer,
	CONSTRAINT "role_skills_role_id_skill_url_pk" PRIMARY KEY("role_id","skill_url")
);
--> statement-breakpoint
CREATE TABLE "skill_profile_settings" (
	"account_id" text PRIMARY KEY NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "achievement_earners" ADD CONSTRAINT "achievement_earners_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_earnings" ADD CONSTRAINT "co_earnings_before_id_achievements_id_fk" FOREIGN KEY ("before_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_earnings" ADD CONSTRAINT "co_earnings_after_id_achievements_id_fk" FOREIGN KEY ("after_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_goals" ADD CONSTRAINT "learner_goals_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_goals" ADD CONSTRAINT "learner_goals_occupation_code_occupations_code_fk" FOREIGN KEY ("occupation_code") REFERENCES "public"."occupations"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_goals" ADD CONSTRAINT "learner_goals_role_id_org_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."org_roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_skills" ADD CONSTRAINT "occupation_skills_occupation_code_occupations_code_fk" FOREIGN KEY ("occupation_code") REFERENCES "public"."occupations"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_roles" ADD CONSTRAINT "org_roles_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_roles" ADD CONSTRAINT "org_roles_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_skills" ADD CONSTRAINT "role_skills_role_id_org_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."org_roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_profile_settings" ADD CONSTRAINT "skill_profile_settings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "learner_goals_target_unique" ON "learner_goals" USING btree ("account_id","target");--> statement-breakpoint
CREATE INDEX "org_roles_org_idx" ON "org_roles" USING btree ("org_id");