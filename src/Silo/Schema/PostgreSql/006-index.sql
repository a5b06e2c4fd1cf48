-- Haarlem Initiatives: the neighbourhood indexes' summaries, one row per initiative, on PostgreSQL.
-- See docs/write-path.md. A report writes the rows it changed (in the hub tables' grouped
-- transaction), never the whole neighbourhood; a row is only replaced by a higher revision.
CREATE TABLE IF NOT EXISTS hub_index_summaries
(
    neighbourhood text   NOT NULL,
    initiative_id uuid   NOT NULL,
    revision      bigint NOT NULL,
    summary       jsonb  NOT NULL,
    PRIMARY KEY (neighbourhood, initiative_id)
);
