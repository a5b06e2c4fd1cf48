-- Haarlem Initiatives: the neighbourhood indexes' summaries, one row per initiative, on SQLite.
-- See docs/write-path.md. A report writes the rows it changed (in the hub tables' grouped
-- transaction), never the whole neighbourhood; a row is only replaced by a higher revision.
CREATE TABLE IF NOT EXISTS hub_index_summaries
(
    neighbourhood TEXT    NOT NULL,
    initiative_id TEXT    NOT NULL,
    revision      INTEGER NOT NULL,
    summary       TEXT    NOT NULL,
    PRIMARY KEY (neighbourhood, initiative_id)
) WITHOUT ROWID;
