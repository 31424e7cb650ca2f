CREATE TABLE "call_task_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"node_id" text NOT NULL,
	"workflow_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_task_invoices_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "handoff_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"handoff_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"balance_at_handoff" bigint NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handoff_invoices_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "ledger_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_key" text NOT NULL,
	"kind" text NOT NULL,
	"invoice_id" uuid,
	"customer_id" uuid,
	"content" jsonb NOT NULL,
	"result" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_events_event_key_unique" UNIQUE("event_key")
);
--> statement-breakpoint
CREATE TABLE "exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"dedupe_key" text NOT NULL,
	"invoice_id" uuid,
	"customer_id" uuid,
	"workflow_id" text,
	"node_id" text,
	"message" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurrences" integer DEFAULT 1 NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exceptions_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "exceptions_status" CHECK ("exceptions"."status" in ('open', 'resolved')),
	CONSTRAINT "exceptions_resolved_when" CHECK (("exceptions"."status" = 'resolved') = ("exceptions"."resolved_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "late_interest_rates" (
	"from_date" date PRIMARY KEY NOT NULL,
	"ecb_rate_percent" numeric(7, 4) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "workflow_signals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"invoice_id" uuid NOT NULL,
	"workflow_id" text NOT NULL,
	"signal" text NOT NULL,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "commission_percent" numeric(5, 2) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "commission_vat_percent" numeric(5, 2) DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD COLUMN "vat_amount" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD COLUMN "allocated" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD COLUMN "excess" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "vat_amount" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "interest_balance" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "indemnity_balance" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "paid_amount" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "credited_amount" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "impairment" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "interest_charged_through" date;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "indemnity_charged" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "late_interest_rate_percent" numeric(7, 4);--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "written_off_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "doubtful_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "irrecoverable_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "with_agency_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "disputed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "promised_until" date;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "promised_amount" bigint;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "balance_when_promised" bigint;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "workflow_start_error" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "allocated" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "excess" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "promises" ADD COLUMN "balance_when_promised" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "call_tasks" ADD COLUMN "customer_id" uuid;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "customer_id" uuid;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "event_id" uuid;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "journal" text DEFAULT 'OD' NOT NULL;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "customer_id" uuid;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "piece_ref" text;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "piece_date" date;--> statement-breakpoint
ALTER TABLE "call_task_invoices" ADD CONSTRAINT "call_task_invoices_task_id_call_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."call_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_task_invoices" ADD CONSTRAINT "call_task_invoices_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_invoices" ADD CONSTRAINT "handoff_invoices_handoff_id_handoffs_id_fk" FOREIGN KEY ("handoff_id") REFERENCES "public"."handoffs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_invoices" ADD CONSTRAINT "handoff_invoices_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_events" ADD CONSTRAINT "ledger_events_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_events" ADD CONSTRAINT "ledger_events_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exceptions" ADD CONSTRAINT "exceptions_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exceptions" ADD CONSTRAINT "exceptions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exceptions" ADD CONSTRAINT "exceptions_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_signals" ADD CONSTRAINT "workflow_signals_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_task_invoices_task_idx" ON "call_task_invoices" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "call_task_invoices_invoice_idx" ON "call_task_invoices" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "handoff_invoices_handoff_idx" ON "handoff_invoices" USING btree ("handoff_id");--> statement-breakpoint
CREATE INDEX "handoff_invoices_invoice_idx" ON "handoff_invoices" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "ledger_events_invoice_idx" ON "ledger_events" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "exceptions_open_idx" ON "exceptions" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "exceptions_invoice_idx" ON "exceptions" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "workflow_signals_pending_idx" ON "workflow_signals" USING btree ("delivered_at","id");--> statement-breakpoint
ALTER TABLE "call_tasks" ADD CONSTRAINT "call_tasks_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_event_id_ledger_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."ledger_events"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_customer_channel_idx" ON "messages" USING btree ("customer_id","channel","created_at");--> statement-breakpoint
CREATE INDEX "journal_entries_invoice_idx" ON "journal_entries" USING btree ("invoice_id","account");--> statement-breakpoint
CREATE INDEX "journal_entries_customer_idx" ON "journal_entries" USING btree ("customer_id","account");--> statement-breakpoint
-- Rows written before this migration: a payment settled its invoice in full (any excess was dropped then).
UPDATE "invoices" SET "paid_amount" = "amount" - "balance";--> statement-breakpoint
UPDATE "payments" SET "allocated" = "amount" WHERE "allocated" = 0 AND "excess" = 0;--> statement-breakpoint
UPDATE "credit_notes" SET "allocated" = "amount" WHERE "allocated" = 0 AND "excess" = 0;--> statement-breakpoint
UPDATE "promises" SET "balance_when_promised" = "amount" WHERE "balance_when_promised" = 0;--> statement-breakpoint
UPDATE "call_tasks" SET "customer_id" = "invoices"."customer_id" FROM "invoices" WHERE "invoices"."id" = "call_tasks"."invoice_id";--> statement-breakpoint
UPDATE "handoffs" SET "customer_id" = "invoices"."customer_id" FROM "invoices" WHERE "invoices"."id" = "handoffs"."invoice_id";--> statement-breakpoint
INSERT INTO "handoff_invoices" ("handoff_id", "invoice_id", "balance_at_handoff", "idempotency_key") SELECT "handoffs"."id", "handoffs"."invoice_id", "invoices"."balance", "handoffs"."idempotency_key" FROM "handoffs" JOIN "invoices" ON "invoices"."id" = "handoffs"."invoice_id";--> statement-breakpoint
INSERT INTO "call_task_invoices" ("task_id", "invoice_id", "node_id", "workflow_id", "idempotency_key") SELECT "call_tasks"."id", "call_tasks"."invoice_id", "call_tasks"."node_id", 'invoice-' || "call_tasks"."invoice_id", "call_tasks"."idempotency_key" FROM "call_tasks";--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_split" CHECK ("credit_notes"."allocated" >= 0 and "credit_notes"."excess" >= 0 and "credit_notes"."allocated" + "credit_notes"."excess" = "credit_notes"."amount");--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_fees_within_balance" CHECK ("invoices"."interest_balance" >= 0 and "invoices"."indemnity_balance" >= 0 and "invoices"."interest_balance" + "invoices"."indemnity_balance" <= "invoices"."balance");--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_vat_range" CHECK ("invoices"."vat_amount" >= 0 and "invoices"."vat_amount" < "invoices"."amount");--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_impairment_non_negative" CHECK ("invoices"."impairment" >= 0);--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_split" CHECK ("payments"."allocated" >= 0 and "payments"."excess" >= 0 and "payments"."allocated" + "payments"."excess" = "payments"."amount");--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_journal" CHECK ("journal_entries"."journal" in ('VT', 'BQ', 'OD'));