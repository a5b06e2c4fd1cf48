-- Haarlem Initiatives: the append-only audit trail (ours, not Orleans'), on PostgreSQL.
-- Every change and every refused attempt; the trigger refuses any UPDATE or DELETE. An operator
-- who must remove days past the retention term does so as the table owner with the trigger disabled.

CREATE TABLE IF NOT EXISTS hub_audit
(
    id            bigserial   PRIMARY KEY,
    at            timestamptz NOT NULL,
    day           date        NOT NULL,
    user_id       text        NOT NULL,
    user_name     text        NOT NULL,
    action        text        NOT NULL,
    initiative_id uuid        NULL,
    outcome       text        NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_hub_audit_day ON hub_audit (day, id);

CREATE OR REPLACE FUNCTION hub_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END;
$$;

DROP TRIGGER IF EXISTS hub_audit_append_only ON hub_audit;
CREATE TRIGGER hub_audit_append_only BEFORE UPDATE OR DELETE ON hub_audit
    FOR EACH ROW EXECUTE FUNCTION hub_audit_append_only();
