-- Haarlem Initiatives: the neighbourhood feeds, the people's inboxes and the work queues as rows, on SQLite.
-- See docs/write-path.md. Items are appended in the hub tables' grouped transaction, so the feed
-- items and notices of many changes share one commit. The numbers are given here, inside that
-- transaction: the next number of the feed (or inbox), unless the event is there already, so a
-- feed stays gapless and takes each event once however often it is delivered.

-- One row per feed item: sequence 1, 2, 3, ... per neighbourhood; an initiative's events by number.
CREATE TABLE IF NOT EXISTS hub_feed_items
(
    neighbourhood TEXT    NOT NULL,
    sequence      INTEGER NOT NULL,
    initiative_id TEXT    NOT NULL,
    event_number  INTEGER NOT NULL,
    event_id      TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    occurred_at   TEXT    NOT NULL,
    PRIMARY KEY (neighbourhood, sequence)
) WITHOUT ROWID;

CREATE UNIQUE INDEX IF NOT EXISTS ux_hub_feed_items_event ON hub_feed_items (initiative_id, event_number);

-- One row per private notice: sequence 1, 2, 3, ... per person; an event once per person.
CREATE TABLE IF NOT EXISTS hub_inbox
(
    user_id       TEXT    NOT NULL,
    sequence      INTEGER NOT NULL,
    event_id      TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    notice        TEXT    NOT NULL,
    initiative_id TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    occurred_at   TEXT    NOT NULL,
    route         TEXT    NOT NULL DEFAULT 'Site',
    day           TEXT    NOT NULL DEFAULT '',
    month         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, sequence)
) WITHOUT ROWID;

CREATE UNIQUE INDEX IF NOT EXISTS ux_hub_inbox_event ON hub_inbox (user_id, event_id);

-- The contact officials' work queues: per official and initiative, the initiative's items in the
-- queue (its current step and its unanswered input) as JSON; none when it left the queue.
CREATE TABLE IF NOT EXISTS hub_work_items
(
    official_id   TEXT NOT NULL,
    initiative_id TEXT NOT NULL,
    items         TEXT NOT NULL,
    PRIMARY KEY (official_id, initiative_id)
) WITHOUT ROWID;
