CREATE TABLE "pathway_pins" (
	"pathway_id" text NOT NULL,
	"learner_id" text NOT NULL,
	"version_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pathway_pins_pathway_id_learner_id_pk" PRIMARY KEY("pathway_id","learner_id")
);
--> statement-breakpoint
CREATE TABLE "pathway_step_keys" (
	"version_id" text NOT NULL,
	"pathway_id" text NOT NULL,
	"key" text NOT NULL,
	CONSTRAINT "pathway_step_keys_version_id_key_pk" PRIMARY KEY("version_id","key")
);
--> statement-breakpoint
ALTER TABLE "pathway_pins" ADD CONSTRAINT "pathway_pins_pathway_id_pathways_id_fk" FOREIGN KEY ("pathway_id") REFERENCES "public"."pathways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_pins" ADD CONSTRAINT "pathway_pins_learner_id_accounts_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_pins" ADD CONSTRAINT "pathway_pins_version_id_pathway_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."pathway_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_step_keys" ADD CONSTRAINT "pathway_step_keys_version_id_pathway_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."pathway_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_step_keys" ADD CONSTRAINT "pathway_step_keys_pathway_id_pathways_id_fk" FOREIGN KEY ("pathway_id") REFERENCES "public"."pathways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pathway_pins_learner_idx" ON "pathway_pins" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "pathway_step_keys_key_idx" ON "pathway_step_keys" USING btree ("key","pathway_id");--> statement-breakpoint
INSERT INTO "pathway_step_keys" ("version_id", "pathway_id", "key")
SELECT DISTINCT v."id", v."pathway_id", x.k
FROM "pathway_versions" v
CROSS JOIN LATERAL jsonb_array_elements(v."content"->'steps') s
CROSS JOIN LATERAL (VALUES
  ('achievement:' || (s->'accept'->>'achievementId')),
  ('iri:' || (s->'accept'->>'achievementIri')),
  ('skill:' || (s->'accept'->>'skill'))) AS x(k)
WHERE x.k IS NOT NULL
ON CONFLICT DO NOTHING;
