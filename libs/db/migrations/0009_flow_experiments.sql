CREATE TYPE "public"."experiment_status" AS ENUM('running', 'stopped');--> statement-breakpoint
CREATE TABLE "flow_experiments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"status" "experiment_status" DEFAULT 'running' NOT NULL,
	"arms" jsonb NOT NULL,
	"winner_arm" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stopped_at" timestamp with time zone,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "flow_assignments" ADD COLUMN "experiment_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "experiment_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "experiment_arm" text;--> statement-breakpoint
ALTER TABLE "flow_experiments" ADD CONSTRAINT "flow_experiments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_assignments" ADD CONSTRAINT "flow_assignments_experiment_id_flow_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."flow_experiments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_experiment_id_flow_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."flow_experiments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoices_experiment_idx" ON "invoices" USING btree ("experiment_id","experiment_arm");--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_experiment_arm_with_experiment" CHECK (("invoices"."experiment_id" is null) = ("invoices"."experiment_arm" is null));