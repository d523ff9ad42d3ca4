CREATE TABLE "talent_contacts" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"sender_id" text,
	"account_id" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"reply" text,
	"share_email" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "talent_profile_views" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"actor_id" text,
	"account_id" text NOT NULL,
	"search_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_profiles" (
	"account_id" text PRIMARY KEY NOT NULL,
	"discoverable" boolean DEFAULT false NOT NULL,
	"display_name" text DEFAULT '' NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"show_skills" boolean DEFAULT true NOT NULL,
	"show_credentials" boolean DEFAULT true NOT NULL,
	"show_public_link" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_search_hits" (
	"search_id" text NOT NULL,
	"account_id" text NOT NULL,
	"rank" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_searches" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"actor_id" text,
	"criteria" jsonb NOT NULL,
	"summary" text NOT NULL,
	"result_count" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "talent_contacts" ADD CONSTRAINT "talent_contacts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_contacts" ADD CONSTRAINT "talent_contacts_sender_id_accounts_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_contacts" ADD CONSTRAINT "talent_contacts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_profile_views" ADD CONSTRAINT "talent_profile_views_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_profile_views" ADD CONSTRAINT "talent_profile_views_actor_id_accounts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_profile_views" ADD CONSTRAINT "talent_profile_views_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_profile_views" ADD CONSTRAINT "talent_profile_views_search_id_talent_searches_id_fk" FOREIGN KEY ("search_id") REFERENCES "public"."talent_searches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_profiles" ADD CONSTRAINT "talent_profiles_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_search_hits" ADD CONSTRAINT "talent_search_hits_search_id_talent_searches_id_fk" FOREIGN KEY ("search_id") REFERENCES "public"."talent_searches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_search_hits" ADD CONSTRAINT "talent_search_hits_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_searches" ADD CONSTRAINT "talent_searches_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_searches" ADD CONSTRAINT "talent_searches_actor_id_accounts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "talent_contacts_one_pending" ON "talent_contacts" USING btree ("org_id","account_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "talent_contacts_account_idx" ON "talent_contacts" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "talent_contacts_org_idx" ON "talent_contacts" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "talent_profile_views_account_idx" ON "talent_profile_views" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "talent_profile_views_org_idx" ON "talent_profile_views" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "talent_profiles_discoverable_idx" ON "talent_profiles" USING btree ("account_id") WHERE discoverable;--> statement-breakpoint
CREATE UNIQUE INDEX "talent_search_hits_unique" ON "talent_search_hits" USING btree ("search_id","account_id");--> statement-breakpoint
CREATE INDEX "talent_search_hits_account_idx" ON "talent_search_hits" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "talent_searches_org_idx" ON "talent_searches" USING btree ("org_id","created_at");