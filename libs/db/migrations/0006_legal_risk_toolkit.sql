CREATE TYPE "public"."claim_interruption_kind" AS ENUM('acknowledgement', 'payment_plan_signed', 'partial_payment', 'court_filing', 'enforcement');--> statement-breakpoint
CREATE TYPE "public"."court" AS ENUM('tribunal_de_commerce', 'tribunal_judiciaire');--> statement-breakpoint
CREATE TYPE "public"."insurance_declaration_kind" AS ENUM('threat', 'claim');--> statement-breakpoint
CREATE TYPE "public"."insurance_declaration_status" AS ENUM('declared', 'indemnified', 'refused', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."legal_case_stage" AS ENUM('requested', 'accepted', 'refused', 'no_answer', 'prepared', 'filed', 'granted', 'rejected', 'served', 'opposition', 'enforceable', 'closed');--> statement-breakpoint
CREATE TYPE "public"."legal_route" AS ENUM('simplified_procedure', 'payment_order');--> statement-breakpoint
CREATE TYPE "public"."score_source" AS ENUM('manual', 'csv', 'api', 'webhook', 'import');--> statement-breakpoint
ALTER TYPE "public"."document_kind" ADD VALUE 'supporting';--> statement-breakpoint
ALTER TYPE "public"."document_kind" ADD VALUE 'legal_dossier';--> statement-breakpoint
ALTER TYPE "public"."document_kind" ADD VALUE 'insurance_dossier';--> statement-breakpoint
ALTER TYPE "public"."invoice_status" ADD VALUE 'old';--> statement-breakpoint
CREATE TABLE "claim_interruptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"kind" "claim_interruption_kind" NOT NULL,
	"date" date NOT NULL,
	"reference" text NOT NULL,
	"note" text,
	"proceedings_ended_on" date,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"stage" "legal_case_stage",
	"date" date NOT NULL,
	"amount" bigint,
	"currency" char(3),
	"note" text,
	"reference" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_case_events_kind" CHECK ("legal_case_events"."kind" in ('stage', 'cost')),
	CONSTRAINT "legal_case_events_cost" CHECK (("legal_case_events"."kind" = 'cost') = ("legal_case_events"."amount" is not null and "legal_case_events"."amount" > 0 and "legal_case_events"."currency" is not null)),
	CONSTRAINT "legal_case_events_stage" CHECK (("legal_case_events"."kind" = 'stage') = ("legal_case_events"."stage" is not null))
);
--> statement-breakpoint
CREATE TABLE "legal_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"route" "legal_route" NOT NULL,
	"court" "court",
	"stage" "legal_case_stage" NOT NULL,
	"step_key" text NOT NULL,
	"workflow_id" text,
	"node_id" text,
	"principal" bigint NOT NULL,
	"interest" bigint DEFAULT 0 NOT NULL,
	"fees" bigint DEFAULT 0 NOT NULL,
	"currency" char(3) NOT NULL,
	"request" jsonb NOT NULL,
	"dossier_document_id" uuid,
	"served_on" date,
	"deadline" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_cases_step_key_unique" UNIQUE("step_key")
);
--> statement-breakpoint
CREATE TABLE "insurance_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" "insurance_declaration_kind" NOT NULL,
	"status" "insurance_declaration_status" DEFAULT 'declared' NOT NULL,
	"outstanding" bigint NOT NULL,
	"insured_amount" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"declared_at" timestamp with time zone NOT NULL,
	"deadline" date NOT NULL,
	"declared_by" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"dossier_document_id" uuid,
	"indemnity_amount" bigint,
	"indemnified_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insurance_declarations_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "insurance_declarations_amounts" CHECK ("insurance_declarations"."insured_amount" >= 0 and "insurance_declarations"."insured_amount" <= "insurance_declarations"."outstanding")
);
--> statement-breakpoint
CREATE TABLE "insurance_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"insurer" text NOT NULL,
	"policy_number" text NOT NULL,
	"coverage_percent" numeric(5, 2) NOT NULL,
	"currency" char(3) NOT NULL,
	"threat_declaration_days" integer NOT NULL,
	"claim_deadline_days" integer NOT NULL,
	"auto_declare_days_before" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insurance_policies_policy_number_unique" UNIQUE("policy_number"),
	CONSTRAINT "insurance_policies_coverage" CHECK ("insurance_policies"."coverage_percent" between 60 and 100),
	CONSTRAINT "insurance_policies_deadlines" CHECK ("insurance_policies"."threat_declaration_days" between 1 and 365 and "insurance_policies"."claim_deadline_days" between 1 and 730),
	CONSTRAINT "insurance_policies_auto" CHECK ("insurance_policies"."auto_declare_days_before" is null or "insurance_policies"."auto_declare_days_before" between 0 and 365)
);
--> statement-breakpoint
CREATE TABLE "insured_credit_limits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"limit_amount" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"granted_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insured_credit_limits_amount" CHECK ("insured_credit_limits"."limit_amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "solvency_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"provider" text NOT NULL,
	"source" "score_source" NOT NULL,
	"scored_at" timestamp with time zone NOT NULL,
	"external_id" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "solvency_scores_range" CHECK ("solvency_scores"."score" between 1 and 10)
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "sector" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "credit_limit" bigint;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "credit_limit_currency" char(3);--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "payment_term" jsonb;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "receipt_date" date;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "term_findings" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "supporting_reference" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "limitation_date" date;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "supporting_type" text;--> statement-breakpoint
ALTER TABLE "claim_interruptions" ADD CONSTRAINT "claim_interruptions_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_interruptions" ADD CONSTRAINT "claim_interruptions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_case_events" ADD CONSTRAINT "legal_case_events_case_id_legal_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."legal_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_case_events" ADD CONSTRAINT "legal_case_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_cases" ADD CONSTRAINT "legal_cases_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_cases" ADD CONSTRAINT "legal_cases_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_cases" ADD CONSTRAINT "legal_cases_dossier_document_id_documents_id_fk" FOREIGN KEY ("dossier_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_declarations" ADD CONSTRAINT "insurance_declarations_policy_id_insurance_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."insurance_policies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_declarations" ADD CONSTRAINT "insurance_declarations_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_declarations" ADD CONSTRAINT "insurance_declarations_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_declarations" ADD CONSTRAINT "insurance_declarations_dossier_document_id_documents_id_fk" FOREIGN KEY ("dossier_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insured_credit_limits" ADD CONSTRAINT "insured_credit_limits_policy_id_insurance_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."insurance_policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insured_credit_limits" ADD CONSTRAINT "insured_credit_limits_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solvency_scores" ADD CONSTRAINT "solvency_scores_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "claim_interruptions_reference_idx" ON "claim_interruptions" USING btree ("invoice_id","kind","reference");--> statement-breakpoint
CREATE INDEX "legal_case_events_case_idx" ON "legal_case_events" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_case_events_reference_idx" ON "legal_case_events" USING btree ("case_id","reference");--> statement-breakpoint
CREATE INDEX "legal_cases_invoice_idx" ON "legal_cases" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "legal_cases_stage_idx" ON "legal_cases" USING btree ("stage","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "insurance_declarations_invoice_kind_idx" ON "insurance_declarations" USING btree ("invoice_id","kind");--> statement-breakpoint
CREATE INDEX "insurance_declarations_customer_idx" ON "insurance_declarations" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "insured_credit_limits_customer_idx" ON "insured_credit_limits" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "solvency_scores_customer_idx" ON "solvency_scores" USING btree ("customer_id","scored_at");--> statement-breakpoint
CREATE UNIQUE INDEX "solvency_scores_external_idx" ON "solvency_scores" USING btree ("provider","external_id");--> statement-breakpoint
CREATE INDEX "invoices_limitation_date_idx" ON "invoices" USING btree ("limitation_date");--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_credit_limit" CHECK (("customers"."credit_limit" is null or "customers"."credit_limit" >= 0) and (("customers"."credit_limit" is null) = ("customers"."credit_limit_currency" is null)));