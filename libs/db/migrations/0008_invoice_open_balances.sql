CREATE TABLE "invoice_open_balances" (
	"currency" char(3) NOT NULL,
	"due_date" date NOT NULL,
	"balance" bigint NOT NULL,
	"invoice_count" integer NOT NULL,
	CONSTRAINT "invoice_open_balances_currency_due_date_pk" PRIMARY KEY("currency","due_date")
);
--> statement-breakpoint
-- Derived data for the aging report: open balances per currency and due date, kept by statement-level
-- triggers on invoices (one aggregate per statement, so a bulk import pays once, not once per row).
-- Each branch reads only the transition tables its event has. Rows are upserted in key order (no deadlock
-- between two writers); a key whose count falls to 0 stays, and the report skips it.
CREATE FUNCTION "invoice_open_balances_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "invoice_open_balances" ("currency", "due_date", "balance", "invoice_count")
      SELECT "currency", "due_date", sum("balance"), count(*) FROM "new_rows" WHERE "balance" > 0 AND "cancelled_at" IS NULL AND "written_off_at" IS NULL GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("currency", "due_date") DO UPDATE SET
      "balance" = "invoice_open_balances"."balance" + excluded."balance",
      "invoice_count" = "invoice_open_balances"."invoice_count" + excluded."invoice_count";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "invoice_open_balances" ("currency", "due_date", "balance", "invoice_count")
      SELECT "currency", "due_date", -sum("balance"), -count(*) FROM "old_rows" WHERE "balance" > 0 AND "cancelled_at" IS NULL AND "written_off_at" IS NULL GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("currency", "due_date") DO UPDATE SET
      "balance" = "invoice_open_balances"."balance" + excluded."balance",
      "invoice_count" = "invoice_open_balances"."invoice_count" + excluded."invoice_count";
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "invoice_open_balances" ("currency", "due_date", "balance", "invoice_count")
      SELECT "currency", "due_date", sum("balance"), sum("n") FROM (
        SELECT "currency", "due_date", "balance", 1 AS "n" FROM "new_rows" WHERE "balance" > 0 AND "cancelled_at" IS NULL AND "written_off_at" IS NULL
        UNION ALL
        SELECT "currency", "due_date", -"balance", -1 FROM "old_rows" WHERE "balance" > 0 AND "cancelled_at" IS NULL AND "written_off_at" IS NULL
      ) AS "change" GROUP BY 1, 2 HAVING sum("balance") <> 0 OR sum("n") <> 0 ORDER BY 1, 2
    ON CONFLICT ("currency", "due_date") DO UPDATE SET
      "balance" = "invoice_open_balances"."balance" + excluded."balance",
      "invoice_count" = "invoice_open_balances"."invoice_count" + excluded."invoice_count";
  ELSE
    DELETE FROM "invoice_open_balances";
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "invoice_open_balances_insert" AFTER INSERT ON "invoices" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "invoice_open_balances_apply"();
--> statement-breakpoint
CREATE TRIGGER "invoice_open_balances_update" AFTER UPDATE ON "invoices" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "invoice_open_balances_apply"();
--> statement-breakpoint
CREATE TRIGGER "invoice_open_balances_delete" AFTER DELETE ON "invoices" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "invoice_open_balances_apply"();
--> statement-breakpoint
CREATE TRIGGER "invoice_open_balances_truncate" AFTER TRUNCATE ON "invoices" FOR EACH STATEMENT EXECUTE FUNCTION "invoice_open_balances_apply"();
--> statement-breakpoint
-- Backfill from the invoices already there.
INSERT INTO "invoice_open_balances" ("currency", "due_date", "balance", "invoice_count")
  SELECT "currency", "due_date", sum("balance"), count(*) FROM "invoices" WHERE "balance" > 0 AND "cancelled_at" IS NULL AND "written_off_at" IS NULL GROUP BY 1, 2;
