-- Grain state, written by the group-commit store (GroupCommitGrainStorage): many grains per transaction.
-- version is the optimistic-concurrency check: a write names the version it read and replaces only that row, or,
-- having read none, inserts only a new row. A cleared state stays as a tombstone (payload NULL) so that its version
-- goes on and a stale activation cannot write it back. (Tables made before tombstones, with payload NOT NULL, are
-- rebuilt once by SqliteTombstoneMigration: SQLite cannot drop a column constraint.)
CREATE TABLE IF NOT EXISTS grain_state (
    service_id TEXT NOT NULL,    -- Orleans ServiceId: services sharing a database keep apart, as in OrleansStorage
    grain_id   TEXT NOT NULL,    -- the grain id as Orleans prints it: type/key
    state_name TEXT NOT NULL,
    version    INTEGER NOT NULL,
    payload    BLOB,             -- Orleans binary serialisation of the state record; NULL: cleared (a tombstone)
    PRIMARY KEY (service_id, grain_id, state_name)
) WITHOUT ROWID;
