-- Grain state, written by the group-commit store (GroupCommitGrainStorage): many grains per transaction.
-- version is the optimistic-concurrency check: a write names the version it read and replaces only that one.
CREATE TABLE IF NOT EXISTS grain_state (
    service_id text NOT NULL,    -- Orleans ServiceId: services sharing a database keep apart, as in OrleansStorage
    grain_id   text NOT NULL,    -- the grain id as Orleans prints it: type/key
    state_name text NOT NULL,
    version    bigint NOT NULL,
    payload    bytea NOT NULL,   -- Orleans binary serialisation of the state record
    PRIMARY KEY (service_id, grain_id, state_name)
);
