-- ControlCenter: schema for Orleans 10.4.2 ADO.NET grain persistence on SQLite.
-- Invariant "System.Data.SQLite" (Orleans loads Microsoft.Data.Sqlite's SqliteFactory for it).
-- Written by us from the provider's C# code (AdoNetGrainStorage); see docs/storage-schema.md.
-- Idempotent: the host runs it on every start. Run it as one command; no statement needs splitting.

-- WAL lets readers go on while the single writer commits. The mode is stored in the database file.
PRAGMA journal_mode = WAL;

-- Orleans reads its SQL from here by key at provider start-up (the table and column names are fixed by Orleans).
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

-- One row per grain state. Version is the ETag Orleans hands back to us on the next write or clear.
-- The hashes only narrow look-ups; the natural key is ServiceId + type + N0/N1 + extension string.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INTEGER NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdExtensionString TEXT    NULL,      -- key extension, or the whole key of string-keyed grains
    ServiceId              TEXT    NOT NULL,
    PayloadBinary          BLOB    NULL,      -- NULL after ClearStateAsync: the row (and its version) stays
    Version                INTEGER NOT NULL,
    ModifiedOn             TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- One row per grain. SQLite treats NULLs as distinct in a UNIQUE index, so a missing extension is mapped
-- to an empty BLOB, which never equals any TEXT value (not even '').
CREATE UNIQUE INDEX IF NOT EXISTS UX_OrleansStorage_Grain ON OrleansStorage
    (GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, IFNULL(GrainIdExtensionString, X''));

-- The queries. Every one receives @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
-- @GrainIdExtensionString (may be NULL) and @ServiceId; write/clear/delete also get @GrainStateVersion
-- (NULL for a grain that has never been written), write also @PayloadBinary.
-- "IS" is SQLite's NULL-safe equality, needed for the nullable extension string.

-- Read: PayloadBinary (NULL = no state) and Version (the ETag). No row = never written.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString IS @GrainIdExtensionString;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Write: must return NewGrainStateVersion on success and no row on an ETag conflict (Orleans then throws
-- InconsistentStateException). Two single statements, each atomic on its own; @GrainStateVersion decides
-- which one can do anything: a known version updates only that version, NULL inserts only a new row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = @PayloadBinary, Version = Version + 1, ModifiedOn = CURRENT_TIMESTAMP
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND @GrainStateVersion IS NOT NULL AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;

INSERT INTO OrleansStorage
    (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, Version)
SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @PayloadBinary, 1
WHERE @GrainStateVersion IS NULL
ON CONFLICT DO NOTHING
RETURNING Version AS NewGrainStateVersion;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Clear (default, DeleteStateOnClear = false): drop the payload, keep the row, bump the version and
-- return it in the first column. No row returned = ETag conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL, Version = Version + 1, ModifiedOn = CURRENT_TIMESTAMP
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND Version = @GrainStateVersion
RETURNING Version;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Clear with DeleteStateOnClear = true: remove the row. Orleans expects the deleted version + 1 in the
-- first column (it only checks that it differs from the ETag it sent). No row returned = ETag conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', '
DELETE FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND Version = @GrainStateVersion
RETURNING Version + 1;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
