-- Haarlem Initiatives: delivery from the initiatives' outboxes (ours, not Orleans'), on PostgreSQL.
-- See docs/write-path.md.

-- The pending ledger: one row per initiative whose stored outbox may not be delivered yet. A
-- trigger fills it inside the very write that commits a change (the provider's WriteToStorageKey
-- stays as it is), so the ledger can never miss a committed change. The initiative drops its row
-- once everything up to that version is delivered; the delivery sweeper of every node delivers
-- what stays longer (after a crash), reading this small table only, never the grain states.
CREATE TABLE IF NOT EXISTS hub_delivery_pending
(
    ServiceId  text        NOT NULL,
    GrainIdN0  bigint      NOT NULL,
    GrainIdN1  bigint      NOT NULL,
    Version    integer     NOT NULL,
    ModifiedOn timestamptz NOT NULL,
    PRIMARY KEY (ServiceId, GrainIdN0, GrainIdN1)
);

CREATE INDEX IF NOT EXISTS ix_hub_delivery_pending_age ON hub_delivery_pending (ServiceId, ModifiedOn);

CREATE OR REPLACE FUNCTION hub_note_pending_delivery() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO hub_delivery_pending (ServiceId, GrainIdN0, GrainIdN1, Version, ModifiedOn)
    VALUES (NEW.ServiceId, NEW.GrainIdN0, NEW.GrainIdN1, NEW.Version, NEW.ModifiedOn)
    ON CONFLICT (ServiceId, GrainIdN0, GrainIdN1)
    DO UPDATE SET Version = excluded.Version, ModifiedOn = excluded.ModifiedOn;
    RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS hub_delivery_pending ON OrleansStorage;
CREATE TRIGGER hub_delivery_pending AFTER INSERT OR UPDATE ON OrleansStorage
    FOR EACH ROW WHEN (NEW.GrainTypeString = 'initiative') EXECUTE FUNCTION hub_note_pending_delivery();

-- The person data index: which initiatives a person acted on (for download and erasure).
CREATE TABLE IF NOT EXISTS hub_person_initiatives
(
    user_id       text NOT NULL,
    initiative_id uuid NOT NULL,
    PRIMARY KEY (user_id, initiative_id)
);

-- The audit trail keeps one line per stored change however often it is delivered (NULL for
-- refusals, which are written once).
ALTER TABLE hub_audit ADD COLUMN IF NOT EXISTS change_key text NULL;
CREATE UNIQUE INDEX IF NOT EXISTS ux_hub_audit_change ON hub_audit (change_key);
