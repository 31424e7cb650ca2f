CREATE TYPE "public"."document_kind" AS ENUM('invoice', 'letter', 'handoff');--> statement-breakpoint
ALTER TYPE "public"."agency_delivery_method" ADD VALUE 'webhook';--> statement-breakpoint
ALTER TYPE "public"."handoff_status" ADD VALUE 'accepted' BEFORE 'closed';--> statement-breakpoint
ALTER TYPE "public"."handoff_status" ADD VALUE 'collecting' BEFORE 'closed';--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "document_kind" NOT NULL,
	"invoice_id" uuid,
	"handoff_id" uuid,
	"source_key" text,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_source_key_unique" UNIQUE("source_key")
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "delivery_config" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "pgp_public_key" text;--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD COLUMN "email_unreachable_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD COLUMN "email_unreachable_reason" text;--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD COLUMN "sms_opted_out_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "handoffs" ADD COLUMN "delivery_error" text;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_handoff_id_handoffs_id_fk" FOREIGN KEY ("handoff_id") REFERENCES "public"."handoffs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_invoice_idx" ON "documents" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "documents_handoff_idx" ON "documents" USING btree ("handoff_id");