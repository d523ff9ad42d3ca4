CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"scopes" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "awards" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"achievement_id" text NOT NULL,
	"version_id" text NOT NULL,
	"recipient_account_id" text,
	"recipient_email" text,
	"recipient_name" text NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"narrative" text,
	"evidence_url" text,
	"issued_on" timestamp with time zone,
	"idempotency_key" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"claim_token_hash" text,
	"claim_expires_at" timestamp with time zone,
	"claimed_at" timestamp with time zone,
	CONSTRAINT "awards_claim_token_hash_unique" UNIQUE("claim_token_hash")
);
--> statement-breakpoint
CREATE TABLE "idempotent_requests" (
	"org_id" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer,
	"body" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotent_requests_org_id_key_pk" PRIMARY KEY("org_id","key")
);
--> statement-breakpoint
ALTER TABLE "credentials" ALTER COLUMN "learner_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "award_id" text;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "award_roles" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_version_id_achievement_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."achievement_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_recipient_account_id_accounts_id_fk" FOREIGN KEY ("recipient_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotent_requests" ADD CONSTRAINT "idempotent_requests_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_org_idx" ON "api_tokens" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "awards_org_idempotency" ON "awards" USING btree ("org_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "awards_org_created_idx" ON "awards" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "awards_recipient_account_idx" ON "awards" USING btree ("recipient_account_id");--> statement-breakpoint
CREATE INDEX "awards_recipient_email_idx" ON "awards" USING btree ("recipient_email");--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credentials_award_current" ON "credentials" USING btree ("award_id") WHERE replaced_by is null;--> statement-breakpoint
-- Backfill: every passed submission gets its assessment award (key: submission id + attempt), with the
-- deciding review's levels as results; each existing credential (re-issues included) then points at it.
INSERT INTO "awards" ("id", "org_id", "achievement_id", "version_id", "recipient_account_id", "recipient_email", "recipient_name", "source", "source_ref", "results", "idempotency_key", "created_at", "claimed_at")
SELECT 'awd_' || substr(md5('submission:' || s."id"), 1, 20), s."org_id", s."achievement_id", s."version_id", s."learner_id", NULL, a."name", 'assessment', s."id",
  coalesce((
    SELECT jsonb_agg(jsonb_build_object('criterionId', x->>'criterionId', 'levelId', x->>'levelId'))
    FROM jsonb_array_elements((
      SELECT r."scores" FROM "reviews" r
      WHERE r."submission_id" = s."id" AND r."attempt" = s."attempt" AND r."kind" IN ('settlement', 'primary')
      ORDER BY (r."kind" = 'settlement') DESC LIMIT 1
    )) x
  ), '[]'::jsonb),
  'assessment:' || s."id" || ':' || s."attempt", coalesce(s."decided_at", s."updated_at"), NULL
FROM "submissions" s JOIN "accounts" a ON a."id" = s."learner_id"
WHERE s."state" = 'passed'
ON CONFLICT DO NOTHING;
--> statement-breakpoint
UPDATE "credentials" c SET "award_id" = aw."id"
FROM "awards" aw
WHERE c."award_id" IS NULL AND aw."org_id" = c."org_id" AND aw."source" = 'assessment' AND aw."source_ref" = c."submission_id";
--> statement-breakpoint
-- A credential whose submission is gone keeps its own award (one per chain of re-issues is not knowable, so one each).
INSERT INTO "awards" ("id", "org_id", "achievement_id", "version_id", "recipient_account_id", "recipient_name", "source", "source_ref", "results", "idempotency_key", "created_at")
SELECT 'awd_' || substr(md5('credential:' || c."id"), 1, 20), c."org_id", c."achievement_id", c."version_id", c."learner_id", coalesce(a."name", ''), 'assessment', NULL, '[]'::jsonb, 'legacy:' || c."id", c."issued_at"
FROM "credentials" c LEFT JOIN "accounts" a ON a."id" = c."learner_id"
WHERE c."award_id" IS NULL
ON CONFLICT DO NOTHING;
--> statement-breakpoint
UPDATE "credentials" c SET "award_id" = 'awd_' || substr(md5('credential:' || c."id"), 1, 20) WHERE c."award_id" IS NULL;
