-- ControlCenter: schema for Orleans 10.4.2 ADO.NET reminders on PostgreSQL 15+ (invariant "Npgsql").
-- Written by us from the provider's C# code (AdoNetReminderTable, RelationalOrleansQueries); see
-- docs/storage-schema.md. Needs orleans-main.sql first. Idempotent. One Npgsql command can run the whole file.

-- Two silos starting together on an empty database would race on CREATE TABLE IF NOT EXISTS (PostgreSQL can
-- then fail with a duplicate pg_type key). Run as one command, the file is one transaction, and this lock
-- serialises concurrent runs until it ends. (Under psql, statement by statement, it is a harmless no-op.)
SELECT pg_advisory_xact_lock(4851093267310547201);

-- One row per (service, grain, reminder name). GrainId is Orleans' GrainId.ToString(); GrainHash is the grain's
-- uniform hash as a signed int, used by each silo to load the reminders of its ring range. Period is in ms.
CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    varchar(150) NOT NULL,
    GrainId      text         NOT NULL,
    ReminderName text         NOT NULL,
    StartTime    timestamptz  NOT NULL,
    Period       bigint       NOT NULL,
    GrainHash    integer      NOT NULL,
    Version      integer      NOT NULL,
    CONSTRAINT PK_OrleansRemindersTable PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

CREATE INDEX IF NOT EXISTS IX_OrleansRemindersTable_GrainHash ON OrleansRemindersTable (ServiceId, GrainHash);

-- Every read returns GrainId, ReminderName, StartTime, Period, Version (Version is the reminder's ETag).

-- All reminders of one grain.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowsKey', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- One reminder; no row = not found.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowKey', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Ring range (@BeginHash, @EndHash], begin exclusive, end inclusive. Orleans picks this key when
-- @BeginHash < @EndHash as signed ints (the range does not wrap)...
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows1Key', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- ...and this one otherwise: the range wraps past the end of the ring (begin = end means the whole ring).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows2Key', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Insert or replace a reminder (no ETag check, as Orleans specifies). Returns the new Version:
-- 0 for a new reminder, previous + 1 for a replaced one. @Period arrives as int or bigint.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpsertReminderRowKey', '
INSERT INTO OrleansRemindersTable AS r (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
SET StartTime = EXCLUDED.StartTime, Period = EXCLUDED.Period, GrainHash = EXCLUDED.GrainHash, Version = r.Version + 1
RETURNING Version
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Delete one reminder only if it is still at @Version. Returns one boolean column: was it deleted.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowKey', '
WITH deleted AS (
    DELETE FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted)
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Delete all reminders of the service (Orleans calls this from test-only code paths).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowsKey', '
DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
