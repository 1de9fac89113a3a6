-- Grain state, written by the group-commit store (GroupCommitGrainStorage): many grains per transaction.
-- version is the optimistic-concurrency check: a write names the version it read and replaces only that row, or,
-- having read none, inserts only a new row. A cleared state stays as a tombstone (payload NULL) so that its version
-- goes on and a stale activation cannot write it back.
CREATE TABLE IF NOT EXISTS grain_state (
    service_id text NOT NULL,    -- Orleans ServiceId: services sharing a database keep apart, as in OrleansStorage
    grain_id   text NOT NULL,    -- the grain id as Orleans prints it: type/key
    state_name text NOT NULL,
    version    bigint NOT NULL,
    payload    bytea,            -- Orleans binary serialisation of the state record; NULL: cleared (a tombstone)
    PRIMARY KEY (service_id, grain_id, state_name)
);

-- Tables made before tombstones had payload NOT NULL. Checked first, so that a silo starting beside running ones does
-- not take ALTER TABLE's exclusive lock when there is nothing to change.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = 'grain_state' AND column_name = 'payload' AND is_nullable = 'NO') THEN
        ALTER TABLE grain_state ALTER COLUMN payload DROP NOT NULL;
    END IF;
END
$$;
