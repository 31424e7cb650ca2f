CREATE TABLE "send_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"invoice_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"workflow_id" text NOT NULL,
	"flow_id" uuid,
	"flow_version" integer,
	"node_id" text NOT NULL,
	"channel" text NOT NULL,
	"recipient_role" text NOT NULL,
	"recipients" text[] NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"on_timeout" text NOT NULL,
	"decision" text,
	"recipient_override" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"status" text DEFAULT 'waiting' NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "send_approvals_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "send_approvals_channel" CHECK ("send_approvals"."channel" in ('email', 'sms')),
	CONSTRAINT "send_approvals_decision" CHECK ("send_approvals"."decision" in ('approve', 'skip')),
	CONSTRAINT "send_approvals_status" CHECK ("send_approvals"."status" in ('waiting', 'approved', 'skipped', 'sent_on_timeout', 'skipped_on_timeout', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "send_approvals" ADD CONSTRAINT "send_approvals_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_approvals" ADD CONSTRAINT "send_approvals_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_approvals" ADD CONSTRAINT "send_approvals_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_approvals" ADD CONSTRAINT "send_approvals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "send_approvals_waiting_idx" ON "send_approvals" USING btree ("status","flow_id","node_id");