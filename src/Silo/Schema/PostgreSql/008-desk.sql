-- Haarlem Initiatives: every resident's channel (the desk, letters and calls), on PostgreSQL.
-- See docs/desk.md.

-- The residents the desk registered (no DigiD needed), to find them by name or address.
CREATE TABLE IF NOT EXISTS hub_residents
(
    user_id      text NOT NULL PRIMARY KEY,
    name         text NOT NULL,
    name_key     text NOT NULL,
    postcode     text NOT NULL,
    house_number text NOT NULL,
    street       text NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_hub_residents_address ON hub_residents (postcode, house_number);
CREATE INDEX IF NOT EXISTS ix_hub_residents_name ON hub_residents (name_key);

-- One-time codes (as hashes) with which a resident takes their desk record over after signing in with DigiD.
CREATE TABLE IF NOT EXISTS hub_takeover_codes
(
    code_hash  text        NOT NULL PRIMARY KEY,
    user_id    text        NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz NULL,
    used_by    text        NULL
);

-- Notices per month and route (site, email, letter, phone), for the council.
CREATE TABLE IF NOT EXISTS hub_notice_counts
(
    month integer NOT NULL,
    route text    NOT NULL,
    count bigint  NOT NULL,
    PRIMARY KEY (month, route)
);

-- Notices waiting for the post, and the daily post runs they went in.
CREATE TABLE IF NOT EXISTS hub_post_queue
(
    user_id   text        NOT NULL,
    event_id  text        NOT NULL,
    sequence  bigint      NOT NULL,
    queued_at timestamptz NOT NULL,
    run_id    bigint      NULL,
    PRIMARY KEY (user_id, event_id)
);

CREATE INDEX IF NOT EXISTS ix_hub_post_queue_run ON hub_post_queue (run_id, user_id, sequence);

CREATE TABLE IF NOT EXISTS hub_post_runs
(
    id         bigserial   PRIMARY KEY,
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL,
    notices    integer     NOT NULL,
    posted_at  timestamptz NULL,
    posted_by  text        NULL
);

-- Notices to tell by phone: due on a day, moved on when nobody answered, closed when reached.
CREATE TABLE IF NOT EXISTS hub_call_tasks
(
    user_id      text        NOT NULL,
    event_id     text        NOT NULL,
    sequence     bigint      NOT NULL,
    queued_at    timestamptz NOT NULL,
    due_day      date        NOT NULL,
    attempts     integer     NOT NULL DEFAULT 0,
    done_at      timestamptz NULL,
    last_outcome text        NULL,
    last_by      text        NULL,
    last_at      timestamptz NULL,
    PRIMARY KEY (user_id, event_id)
);

CREATE INDEX IF NOT EXISTS ix_hub_call_tasks_open ON hub_call_tasks (done_at, due_day);

-- The audit trail names the resident a desk worker acted for, and the channel.
ALTER TABLE hub_audit ADD COLUMN IF NOT EXISTS on_behalf_of text NULL;
ALTER TABLE hub_audit ADD COLUMN IF NOT EXISTS channel text NULL;

-- A notice is stored once (its inbox row); in that same transaction it is counted, and one by
-- letter waits for the post, one by phone becomes a call. So none is lost, none is doubled.
CREATE OR REPLACE FUNCTION hub_inbox_routed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO hub_notice_counts (month, route, count) VALUES (NEW.month, NEW.route, 1)
        ON CONFLICT (month, route) DO UPDATE SET count = hub_notice_counts.count + 1;
    IF NEW.route = 'Letter' THEN
        INSERT INTO hub_post_queue (user_id, event_id, sequence, queued_at)
            VALUES (NEW.user_id, NEW.event_id, NEW.sequence, NEW.occurred_at) ON CONFLICT DO NOTHING;
    ELSIF NEW.route = 'Phone' THEN
        INSERT INTO hub_call_tasks (user_id, event_id, sequence, queued_at, due_day)
            VALUES (NEW.user_id, NEW.event_id, NEW.sequence, NEW.occurred_at, NEW.day) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS hub_inbox_routed ON hub_inbox;
CREATE TRIGGER hub_inbox_routed AFTER INSERT ON hub_inbox FOR EACH ROW EXECUTE FUNCTION hub_inbox_routed();
