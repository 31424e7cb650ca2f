CREATE TABLE "flow_migration_items" (
	"migration_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"planned_from" text NOT NULL,
	"outcome" text,
	"from_step" text,
	"to_step" text,
	"reason" text,
	"settled_at" timestamp with time zone,
	"rollback_outcome" text,
	"rollback_reason" text,
	"rollback_settled_at" timestamp with time zone,
	CONSTRAINT "flow_migration_items_migration_id_invoice_id_pk" PRIMARY KEY("migration_id","invoice_id"),
	CONSTRAINT "flow_migration_items_outcome" CHECK ("flow_migration_items"."outcome" in ('moved', 'stayed')),
	CONSTRAINT "flow_migration_items_rollback_outcome" CHECK ("flow_migration_items"."rollback_outcome" in ('rolled_back', 'kept'))
);
--> statement-breakpoint
CREATE TABLE "flow_migrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flow_id" uuid NOT NULL,
	"from_version" integer NOT NULL,
	"to_version" integer NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rolled_back_at" timestamp with time zone,
	"rolled_back_by" uuid
);
--> statement-breakpoint
ALTER TABLE "flow_migration_items" ADD CONSTRAINT "flow_migration_items_migration_id_flow_migrations_id_fk" FOREIGN KEY ("migration_id") REFERENCES "public"."flow_migrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_migration_items" ADD CONSTRAINT "flow_migration_items_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_migrations" ADD CONSTRAINT "flow_migrations_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_migrations" ADD CONSTRAINT "flow_migrations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_migrations" ADD CONSTRAINT "flow_migrations_rolled_back_by_users_id_fk" FOREIGN KEY ("rolled_back_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flow_migration_items_invoice_idx" ON "flow_migration_items" USING btree ("invoice_id");