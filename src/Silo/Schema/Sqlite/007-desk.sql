-- Haarlem Initiatives: every resident's channel (the desk, letters and calls), on SQLite.
-- See docs/desk.md.

-- The residents the desk registered (no DigiD needed), to find them by name or address.
CREATE TABLE IF NOT EXISTS hub_residents
(
    user_id      TEXT NOT NULL PRIMARY KEY,
    name         TEXT NOT NULL,
    name_key     TEXT NOT NULL,
    postcode     TEXT NOT NULL,
    house_number TEXT NOT NULL,
    street       TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS ix_hub_residents_address ON hub_residents (postcode, house_number);
CREATE INDEX IF NOT EXISTS ix_hub_residents_name ON hub_residents (name_key);

-- One-time codes (as hashes) with which a resident takes their desk record over after signing in with DigiD.
CREATE TABLE IF NOT EXISTS hub_takeover_codes
(
    code_hash  TEXT NOT NULL PRIMARY KEY,
    user_id    TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT NULL,
    used_by    TEXT NULL
) WITHOUT ROWID;

-- Notices per month and route (site, email, letter, phone), for the council.
CREATE TABLE IF NOT EXISTS hub_notice_counts
(
    month INTEGER NOT NULL,
    route TEXT    NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (month, route)
) WITHOUT ROWID;

-- Notices waiting for the post, and the daily post runs they went in.
CREATE TABLE IF NOT EXISTS hub_post_queue
(
    user_id   TEXT    NOT NULL,
    event_id  TEXT    NOT NULL,
    sequence  INTEGER NOT NULL,
    queued_at TEXT    NOT NULL,
    run_id    INTEGER NULL,
    PRIMARY KEY (user_id, event_id)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS ix_hub_post_queue_run ON hub_post_queue (run_id, user_id, sequence);

CREATE TABLE IF NOT EXISTS hub_post_runs
(
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT    NOT NULL,
    created_by TEXT    NOT NULL,
    notices    INTEGER NOT NULL,
    posted_at  TEXT    NULL,
    posted_by  TEXT    NULL
);

-- Notices to tell by phone: due on a day, moved on when nobody answered, closed when reached.
CREATE TABLE IF NOT EXISTS hub_call_tasks
(
    user_id      TEXT    NOT NULL,
    event_id     TEXT    NOT NULL,
    sequence     INTEGER NOT NULL,
    queued_at    TEXT    NOT NULL,
    due_day      TEXT    NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    done_at      TEXT    NULL,
    last_outcome TEXT    NULL,
    last_by      TEXT    NULL,
    last_at      TEXT    NULL,
    PRIMARY KEY (user_id, event_id)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS ix_hub_call_tasks_open ON hub_call_tasks (done_at, due_day);

-- A notice is stored once (its inbox row); in that same transaction it is counted, and one by
-- letter waits for the post, one by phone becomes a call. So none is lost, none is doubled.
DROP TRIGGER IF EXISTS hub_inbox_routed;
CREATE TRIGGER hub_inbox_routed AFTER INSERT ON hub_inbox
BEGIN
    INSERT INTO hub_notice_counts (month, route, count) VALUES (NEW.month, NEW.route, 1)
        ON CONFLICT (month, route) DO UPDATE SET count = count + 1;
    INSERT INTO hub_post_queue (user_id, event_id, sequence, queued_at)
        SELECT NEW.user_id, NEW.event_id, NEW.sequence, NEW.occurred_at WHERE NEW.route = 'Letter';
    INSERT INTO hub_call_tasks (user_id, event_id, sequence, queued_at, due_day)
        SELECT NEW.user_id, NEW.event_id, NEW.sequence, NEW.occurred_at, NEW.day WHERE NEW.route = 'Phone';
END;
