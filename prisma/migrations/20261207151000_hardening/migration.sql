-- Issue 11, point 15: the audit log refuses TRUNCATE as well as UPDATE and DELETE. TRUNCATE does
-- not fire row triggers, so it gets a statement-level one (same function: it names the operation).
-- Only a role that may ALTER the table (its owner) can switch this off; run the app as a role that
-- does not own audit_entry (docs/DEPLOY.md) and not even the app's own credentials can.
CREATE TRIGGER "audit_entry_no_truncate" BEFORE TRUNCATE ON "audit_entry"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_is_append_only"();
