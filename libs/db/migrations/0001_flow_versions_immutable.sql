-- A published flow version never changes: invoices running on it must keep exactly that graph.
CREATE FUNCTION "flow_versions_refuse_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'flow version % of flow % is published and immutable', OLD.version, OLD.flow_id
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "flow_versions_immutable" BEFORE UPDATE ON "flow_versions"
  FOR EACH ROW EXECUTE FUNCTION "flow_versions_refuse_update"();
