-- Haarlem Initiatives: the append-only audit trail (ours, not Orleans'), on SQLite.
-- Every change and every refused attempt; the triggers refuse any UPDATE or DELETE.

CREATE TABLE IF NOT EXISTS hub_audit
(
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    at            TEXT    NOT NULL,
    day           TEXT    NOT NULL,
    user_id       TEXT    NOT NULL,
    user_name     TEXT    NOT NULL,
    action        TEXT    NOT NULL,
    initiative_id TEXT    NULL,
    outcome       TEXT    NOT NULL,
    change_key    TEXT    NULL
);

CREATE INDEX IF NOT EXISTS ix_hub_audit_day ON hub_audit (day, id);

CREATE TRIGGER IF NOT EXISTS hub_audit_no_update BEFORE UPDATE ON hub_audit
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

CREATE TRIGGER IF NOT EXISTS hub_audit_no_delete BEFORE DELETE ON hub_audit
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
