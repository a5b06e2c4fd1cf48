-- Haarlem Initiatives: Orleans ADO.NET grain storage on PostgreSQL.
-- Written for this project against the query contract of Microsoft.Orleans.Persistence.AdoNet:
-- WriteToStorageKey, ReadFromStorageKey and ClearStorageKey in OrleansQuery, binding @GrainIdHash,
-- @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId,
-- @GrainStateVersion and @PayloadBinary. Idempotent; the bootstrapper runs it under an advisory
-- lock, so nodes that start together do not race.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- One row per grain state, keyed by the full natural key. A grain id without an extension is
-- stored with an empty extension, so the primary key can detect a second insert.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    ServiceId              text        NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainIdExtensionString text        NOT NULL,
    GrainIdHash            integer     NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    PayloadBinary          bytea       NULL,
    ModifiedOn             timestamptz NOT NULL,
    Version                integer     NOT NULL,
    PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

-- An initiative's state with its outbox is about 2 KiB, just over the size at which PostgreSQL
-- starts compressing a row (pglz, on every write). Rows up to a page's worth stay as they are:
-- no compression work on the commit point, a little more in the table and the WAL.
ALTER TABLE OrleansStorage SET (toast_tuple_target = 8160);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = COALESCE(CAST(@GrainIdExtensionString AS text), '''');
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Optimistic concurrency in one statement: a grain without a version may only insert (version 1);
-- a grain with a version may only update the row that still has it. On success the result is the
-- new version; on a conflict it is the version the grain sent (or NULL), which the provider turns
-- into an InconsistentStateException. A concurrent insert of the same key waits on the key and
-- then takes the conflict path.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
WITH written AS (
    INSERT INTO OrleansStorage
        (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString,
         GrainIdHash, GrainTypeHash, PayloadBinary, ModifiedOn, Version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(CAST(@GrainIdExtensionString AS text), ''''),
           @GrainIdHash, @GrainTypeHash, @PayloadBinary, now(), 1
    WHERE CAST(@GrainStateVersion AS integer) IS NULL
       OR EXISTS (SELECT 1 FROM OrleansStorage
                  WHERE ServiceId = @ServiceId
                    AND GrainTypeString = @GrainTypeString
                    AND GrainIdN0 = @GrainIdN0
                    AND GrainIdN1 = @GrainIdN1
                    AND GrainIdExtensionString = COALESCE(CAST(@GrainIdExtensionString AS text), ''''))
    ON CONFLICT (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString) DO UPDATE
    SET PayloadBinary = excluded.PayloadBinary,
        ModifiedOn = excluded.ModifiedOn,
        Version = OrleansStorage.Version + 1
    WHERE CAST(@GrainStateVersion AS integer) IS NOT NULL
      AND OrleansStorage.Version = CAST(@GrainStateVersion AS integer)
    RETURNING Version
)
SELECT COALESCE((SELECT Version FROM written), CAST(@GrainStateVersion AS integer)) AS NewGrainStateVersion;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Clear: keep the row, drop the payload, bump the version (same concurrency rule as a write).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
WITH cleared AS (
    UPDATE OrleansStorage
    SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
    WHERE ServiceId = @ServiceId
      AND GrainTypeString = @GrainTypeString
      AND GrainIdN0 = @GrainIdN0
      AND GrainIdN1 = @GrainIdN1
      AND GrainIdExtensionString = COALESCE(CAST(@GrainIdExtensionString AS text), '''')
      AND Version = CAST(@GrainStateVersion AS integer)
    RETURNING Version
)
SELECT COALESCE((SELECT Version FROM cleared), CAST(@GrainStateVersion AS integer)) AS NewGrainStateVersion;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
