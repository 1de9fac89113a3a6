-- Grain state, written by the group-commit store (GroupCommitGrainStorage): many grains per transaction.
-- version is the optimistic-concurrency check: a write names the version it read and replaces only that one.
CREATE TABLE IF NOT EXISTS grain_state (
    service_id TEXT NOT NULL,    -- Orleans ServiceId: services sharing a database keep apart, as in OrleansStorage
    grain_id   TEXT NOT NULL,    -- the grain id as Orleans prints it: type/key
    state_name TEXT NOT NULL,
    version    INTEGER NOT NULL,
    payload    BLOB NOT NULL,    -- Orleans binary serialisation of the state record
    PRIMARY KEY (service_id, grain_id, state_name)
) WITHOUT ROWID;
