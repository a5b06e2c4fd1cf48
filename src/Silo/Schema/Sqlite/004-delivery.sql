-- Haarlem Initiatives: delivery from the initiatives' outboxes (ours, not Orleans'), on SQLite.
-- See docs/write-path.md.

-- The pending ledger: one row per initiative whose stored outbox may not be delivered yet. A
-- trigger fills it inside the very write that commits a change (the provider's WriteToStorageKey
-- stays as it is), so the ledger can never miss a committed change. The initiative drops its row
-- once everything up to that version is delivered; the delivery sweeper of every node delivers
-- what stays longer (after a crash), reading this small table only, never the grain states.
-- (Delete, then insert: inside a trigger SQLite applies the outer statement's conflict rule, so
-- INSERT OR REPLACE would not replace.)
CREATE TABLE IF NOT EXISTS hub_delivery_pending
(
    ServiceId  TEXT    NOT NULL,
    GrainIdN0  INTEGER NOT NULL,
    GrainIdN1  INTEGER NOT NULL,
    Version    INTEGER NOT NULL,
    ModifiedOn TEXT    NOT NULL,
    PRIMARY KEY (ServiceId, GrainIdN0, GrainIdN1)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS ix_hub_delivery_pending_age ON hub_delivery_pending (ServiceId, ModifiedOn);

DROP TRIGGER IF EXISTS hub_delivery_pending_on_insert;
CREATE TRIGGER hub_delivery_pending_on_insert AFTER INSERT ON OrleansStorage
WHEN NEW.GrainTypeString = 'initiative'
BEGIN
    DELETE FROM hub_delivery_pending
    WHERE ServiceId = NEW.ServiceId AND GrainIdN0 = NEW.GrainIdN0 AND GrainIdN1 = NEW.GrainIdN1;
    INSERT INTO hub_delivery_pending (ServiceId, GrainIdN0, GrainIdN1, Version, ModifiedOn)
    VALUES (NEW.ServiceId, NEW.GrainIdN0, NEW.GrainIdN1, NEW.Version, NEW.ModifiedOn);
END;

DROP TRIGGER IF EXISTS hub_delivery_pending_on_update;
CREATE TRIGGER hub_delivery_pending_on_update AFTER UPDATE ON OrleansStorage
WHEN NEW.GrainTypeString = 'initiative'
BEGIN
    DELETE FROM hub_delivery_pending
    WHERE ServiceId = NEW.ServiceId AND GrainIdN0 = NEW.GrainIdN0 AND GrainIdN1 = NEW.GrainIdN1;
    INSERT INTO hub_delivery_pending (ServiceId, GrainIdN0, GrainIdN1, Version, ModifiedOn)
    VALUES (NEW.ServiceId, NEW.GrainIdN0, NEW.GrainIdN1, NEW.Version, NEW.ModifiedOn);
END;

-- The person data index: which initiatives a person acted on (for download and erasure).
CREATE TABLE IF NOT EXISTS hub_person_initiatives
(
    user_id       TEXT NOT NULL,
    initiative_id TEXT NOT NULL,
    PRIMARY KEY (user_id, initiative_id)
) WITHOUT ROWID;

-- The audit trail keeps one line per stored change however often it is delivered (the column is
-- added to older files by the bootstrapper; NULL for refusals, which are written once).
CREATE UNIQUE INDEX IF NOT EXISTS ux_hub_audit_change ON hub_audit (change_key);
