-- ControlCenter: schema for Orleans 10.4.2 ADO.NET grain persistence on PostgreSQL 15+ (invariant "Npgsql").
-- Written by us from the provider's C# code (AdoNetGrainStorage); see docs/storage-schema.md.
-- Needs orleans-main.sql first. Idempotent. One Npgsql command can run the whole file.

-- Two silos starting together on an empty database would race on CREATE TABLE IF NOT EXISTS (PostgreSQL can
-- then fail with a duplicate pg_type key). Run as one command, the file is one transaction, and this lock
-- serialises concurrent runs until it ends. (Under psql, statement by statement, it is a harmless no-op.)
SELECT pg_advisory_xact_lock(4851093267310547201);

-- One row per grain state. Version is the ETag Orleans hands back to us on the next write or clear.
-- The hashes only narrow look-ups; the natural key is ServiceId + type + N0/N1 + extension string.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer     NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdExtensionString text        NULL,      -- key extension, or the whole key of string-keyed grains
    ServiceId              text        NOT NULL,
    PayloadBinary          bytea       NULL,      -- NULL after ClearStateAsync: the row (and its version) stays
    Version                integer     NOT NULL,
    ModifiedOn             timestamptz NOT NULL DEFAULT now()
);

-- One row per grain, and the look-up path (hash columns first). NULLS NOT DISTINCT (PostgreSQL 15+) makes
-- a NULL extension string count as a value, so ON CONFLICT sees a second row for the same grain.
CREATE UNIQUE INDEX IF NOT EXISTS UX_OrleansStorage_Grain ON OrleansStorage
    (GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
    NULLS NOT DISTINCT;

-- The queries. Every one receives @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
-- @GrainIdExtensionString (may be NULL) and @ServiceId; write/clear/delete also get @GrainStateVersion
-- (NULL for a grain that has never been written), write also @PayloadBinary.

-- Read: PayloadBinary (NULL = no state) and Version (the ETag). No row = never written.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Write: must return NewGrainStateVersion on success and no row on an ETag conflict (Orleans then throws
-- InconsistentStateException). One statement: @GrainStateVersion decides which branch can do anything.
-- A known version updates only a row still at that version (a concurrent writer that got there first has
-- moved it on, so we match nothing); NULL inserts only if no row exists (ON CONFLICT swallows the race).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
WITH updated AS (
    UPDATE OrleansStorage
    SET PayloadBinary = @PayloadBinary, Version = Version + 1, ModifiedOn = now()
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
      AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND @GrainStateVersion IS NOT NULL AND Version = @GrainStateVersion
    RETURNING Version
), inserted AS (
    INSERT INTO OrleansStorage
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, Version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version
)
SELECT Version AS NewGrainStateVersion FROM updated
UNION ALL
SELECT Version FROM inserted
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Clear (default, DeleteStateOnClear = false): drop the payload, keep the row, bump the version and
-- return it in the first column. No row returned = ETag conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL, Version = Version + 1, ModifiedOn = now()
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
  AND Version = @GrainStateVersion
RETURNING Version
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Clear with DeleteStateOnClear = true: remove the row. Orleans expects the deleted version + 1 in the
-- first column (it only checks that it differs from the ETag it sent). No row returned = ETag conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', '
DELETE FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
  AND Version = @GrainStateVersion
RETURNING Version + 1
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
