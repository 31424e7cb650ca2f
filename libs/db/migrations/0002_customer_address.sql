ALTER TABLE "customers" ADD COLUMN "customer_type" text DEFAULT 'company' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "address_lines" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_type" CHECK ("customers"."customer_type" in ('company', 'person'));