-- Haarlem Initiatives: Orleans ADO.NET grain storage on SQLite.
-- Written for this project against the query contract of Microsoft.Orleans.Persistence.AdoNet:
-- the provider loads WriteToStorageKey, ReadFromStorageKey and ClearStorageKey from OrleansQuery
-- and binds @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
-- @GrainIdExtensionString, @ServiceId, @GrainStateVersion and @PayloadBinary.
-- Idempotent: safe to run at every start.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

-- One row per grain state. The key is the full natural key (the hashes are kept for parity with
-- the other databases and for diagnostics). A grain id without an extension is stored with an
-- empty extension, so the primary key can detect a second insert (SQLite treats NULLs as distinct).
-- A table with row ids: a state of a few KiB then sits whole in one page of the table, and a
-- write of it changes that page alone (the key's index only on insert). Without row ids (before
-- 2026-12-07) the table is the key's index, whose pages keep at most about 1 KiB of a row: an
-- initiative's state (about 2 KiB) went to overflow pages, and every write changed four pages.
-- An older file's table is moved into this one once, at start (SqliteSchema).
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    ServiceId              TEXT    NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainIdExtensionString TEXT    NOT NULL,
    GrainIdHash            INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    PayloadBinary          BLOB    NULL,
    ModifiedOn             TEXT    NOT NULL,
    Version                INTEGER NOT NULL,
    PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

-- Read: the payload and its version, or no row.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''');
');

-- Write with optimistic concurrency. A grain without a version may only insert (version 1); a
-- grain with a version may only update the row that still has that version. The result is the new
-- version on success; on a conflict it is the version the grain sent (or NULL), which the provider
-- turns into an InconsistentStateException. changes() counts this connection's last statement only,
-- so a concurrent writer cannot disturb it.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
INSERT INTO OrleansStorage
    (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString,
     GrainIdHash, GrainTypeHash, PayloadBinary, ModifiedOn, Version)
SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''''),
       @GrainIdHash, @GrainTypeHash, @PayloadBinary, strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''), 1
WHERE @GrainStateVersion IS NULL
   OR EXISTS (SELECT 1 FROM OrleansStorage
              WHERE ServiceId = @ServiceId
                AND GrainTypeString = @GrainTypeString
                AND GrainIdN0 = @GrainIdN0
                AND GrainIdN1 = @GrainIdN1
                AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, ''''))
ON CONFLICT (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString) DO UPDATE
SET PayloadBinary = excluded.PayloadBinary,
    ModifiedOn = excluded.ModifiedOn,
    Version = OrleansStorage.Version + 1
WHERE @GrainStateVersion IS NOT NULL AND OrleansStorage.Version = @GrainStateVersion;
SELECT CASE WHEN changes() > 0 THEN COALESCE(@GrainStateVersion, 0) + 1 ELSE @GrainStateVersion END
       AS NewGrainStateVersion;
');

-- Clear: keep the row, drop the payload, bump the version (same concurrency rule as a write).
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL,
    ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''),
    Version = Version + 1
WHERE ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')
  AND @GrainStateVersion IS NOT NULL
  AND Version = @GrainStateVersion;
SELECT CASE WHEN changes() > 0 THEN @GrainStateVersion + 1 ELSE @GrainStateVersion END
       AS NewGrainStateVersion;
');
