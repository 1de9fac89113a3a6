-- ControlCenter: schema for Orleans 10.4.2 ADO.NET clustering (membership) on PostgreSQL 15+ (invariant "Npgsql").
-- Written by us from the provider's C# code (AdoNetClusteringTable, RelationalOrleansQueries, DbStoredQueries);
-- see docs/storage-schema.md. Needs orleans-main.sql first. Idempotent. One Npgsql command can run the whole file.
--
-- Orleans' "DeploymentId" parameter is ClusterOptions.ClusterId. Silo status numbers: 3 = Active, 6 = Dead.

-- Two silos starting together on an empty database would race on CREATE TABLE IF NOT EXISTS (PostgreSQL can
-- then fail with a duplicate pg_type key). Run as one command, the file is one transaction, and this lock
-- serialises concurrent runs until it ends. (Under psql, statement by statement, it is a harmless no-op.)
SELECT pg_advisory_xact_lock(4851093267310547201);

-- One row per cluster: the membership table version. Every membership insert/update must name the version it
-- read (@Version) and moves it on by one; a stale version changes nothing and the silo re-reads and retries.
CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL,
    Version      integer      NOT NULL DEFAULT 0,
    ModifiedOn   timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT PK_OrleansMembershipVersionTable PRIMARY KEY (DeploymentId)
);

-- One row per silo incarnation (address, port, generation). Timestamps are timestamptz: Orleans passes UTC
-- DateTime values, which Npgsql sends as timestamptz and reads back as UTC.
CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150) NOT NULL,
    Address      varchar(45)  NOT NULL,
    Port         integer      NOT NULL,
    Generation   integer      NOT NULL,
    SiloName     text         NOT NULL,
    HostName     text         NOT NULL,
    Status       integer      NOT NULL,
    ProxyPort    integer      NOT NULL,    -- 0 = the silo has no gateway
    SuspectTimes text         NULL,        -- "silo,time|silo,time" as formatted by Orleans
    StartTime    timestamptz  NOT NULL,
    IAmAliveTime timestamptz  NOT NULL,
    CONSTRAINT PK_OrleansMembershipTable PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_OrleansMembershipTable_Version FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

-- Create the cluster's version row if missing. Returns one boolean column: was it created.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', '
WITH inserted AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted)
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- All members plus the table version, in one snapshot. The LEFT JOIN returns the version row even when there
-- are no members yet: Orleans takes the version from the first row and treats a NULL StartTime as "no member".
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', '
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- One member (@Address, @Port, @Generation) plus the table version; same shape as MembershipReadAllKey.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', '
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m
       ON m.DeploymentId = v.DeploymentId
      AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Insert a member. Succeeds (returns true) only if the table is still at @Version and the silo row does not
-- exist yet; then the version moves on by one in the same statement. Otherwise nothing changes (false).
-- The version row's lock serialises concurrent inserts and updates of the same cluster.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', '
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, ModifiedOn = now()
    WHERE DeploymentId = @DeploymentId AND Version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM OrleansMembershipTable
          WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId
), inserted AS (
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM bumped
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted)
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Update a member's status, suspicions and I-am-alive time. Same rule: only at @Version and only if the row
-- exists; the version moves on by one. Returns one boolean column.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', '
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, ModifiedOn = now()
    WHERE DeploymentId = @DeploymentId AND Version = @Version
      AND EXISTS (
          SELECT 1 FROM OrleansMembershipTable
          WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId
), updated AS (
    UPDATE OrleansMembershipTable m
    SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
    FROM bumped
    WHERE m.DeploymentId = bumped.DeploymentId
      AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM updated)
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Heartbeat: a plain write of IAmAliveTime, no version check and no version change (as Orleans specifies).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', '
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Gateways for clients: @Status is always 3 (Active). Columns Address, ProxyPort, Generation.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', '
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Remove a whole cluster (members and version row), e.g. from tests or tooling.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', '
WITH members AS (
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId
)
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Defunct-silo cleanup, bulk form (required key): dead members whose last heartbeat is before @IAmAliveTime.
-- Orleans 10.4.2 uses it only when the row-by-row CleanupDefunctSiloEntryKey below is missing.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', '
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status = 6
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Defunct-silo cleanup, row-by-row form (optional key, preferred by Orleans 10.4.2 when present): Orleans has
-- read the table and picked old dead members itself; delete one only if it is still exactly as read
-- (dead, same start time, heartbeat and suspicions), so a row changed in the meantime is left alone.
-- Suspicions compare as text; an empty list and NULL mean the same.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntryKey', '
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
  AND Status = 6 AND StartTime = @StartTime AND IAmAliveTime = @IAmAliveTime
  AND COALESCE(SuspectTimes, '''') = COALESCE(@SuspectTimes, '''')
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
