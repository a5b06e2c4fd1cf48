-- Haarlem Initiatives: the neighbourhood feeds, the people's inboxes and the work queues as rows, on PostgreSQL.
-- See docs/write-path.md. Items are appended in the hub tables' grouped transaction, so the feed
-- items and notices of many changes share one commit. The numbers are given here, inside that
-- transaction: the next number of the feed (or inbox), unless the event is there already, so a
-- feed stays gapless and takes each event once however often it is delivered. Two transactions
-- that would give the same number (two activations of one neighbourhood, briefly, while a node
-- is declared dead) meet at the primary key: the second fails and its items are offered again.

-- One row per feed item: sequence 1, 2, 3, ... per neighbourhood; an initiative's events by number.
CREATE TABLE IF NOT EXISTS hub_feed_items
(
    neighbourhood text        NOT NULL,
    sequence      bigint      NOT NULL,
    initiative_id uuid        NOT NULL,
    event_number  integer     NOT NULL,
    event_id      text        NOT NULL,
    kind          text        NOT NULL,
    title         text        NOT NULL,
    text          text        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    PRIMARY KEY (neighbourhood, sequence)
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_hub_feed_items_event ON hub_feed_items (initiative_id, event_number);

-- One row per private notice: sequence 1, 2, 3, ... per person; an event once per person.
CREATE TABLE IF NOT EXISTS hub_inbox
(
    user_id       text        NOT NULL,
    sequence      bigint      NOT NULL,
    event_id      text        NOT NULL,
    kind          text        NOT NULL,
    notice        text        NOT NULL,
    initiative_id uuid        NOT NULL,
    title         text        NOT NULL,
    text          text        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    route         text        NOT NULL DEFAULT 'Site',
    day           date        NOT NULL DEFAULT '2000-01-01',
    month         integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, sequence)
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_hub_inbox_event ON hub_inbox (user_id, event_id);

-- The contact officials' work queues: per official and initiative, the initiative's items in the
-- queue (its current step and its unanswered input) as JSON; none when it left the queue.
CREATE TABLE IF NOT EXISTS hub_work_items
(
    official_id   text  NOT NULL,
    initiative_id uuid  NOT NULL,
    items         jsonb NOT NULL,
    PRIMARY KEY (official_id, initiative_id)
);
