-- ControlCenter: shared table for the Orleans 10.4.2 ADO.NET providers on PostgreSQL 15+ (invariant "Npgsql").
-- Written by us from the providers' C# code; see docs/storage-schema.md.
-- Run before orleans-persistence.sql, orleans-clustering.sql and orleans-reminders.sql.
-- Idempotent. One Npgsql command can run the whole file (it runs as one implicit transaction).

-- Two silos starting together on an empty database would race on CREATE TABLE IF NOT EXISTS (PostgreSQL can
-- then fail with a duplicate pg_type key). Run as one command, the file is one transaction, and this lock
-- serialises concurrent runs until it ends. (Under psql, statement by statement, it is a harmless no-op.)
SELECT pg_advisory_xact_lock(4851093267310547201);

-- Every provider reads its SQL from here at start-up: "SELECT QueryKey, QueryText FROM OrleansQuery".
-- Names are unquoted, so PostgreSQL folds them to lower case; Npgsql matches the column names Orleans asks
-- for (e.g. "QueryKey") case-insensitively.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT PK_OrleansQuery PRIMARY KEY (QueryKey)
);
