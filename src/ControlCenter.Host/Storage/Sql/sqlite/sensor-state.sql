-- Sensor grain state, written by the group-commit store (SensorStateStore): many sensors per transaction.
-- version is the optimistic-concurrency check: a write names the version it read and replaces only that one.
CREATE TABLE IF NOT EXISTS sensor_state (
    service_id TEXT NOT NULL, -- Orleans ServiceId: services sharing a database keep apart, as in OrleansStorage
    sensor_id TEXT NOT NULL,
    version   INTEGER NOT NULL,
    payload   BLOB NOT NULL, -- Orleans binary serialisation of SensorGrainState
    PRIMARY KEY (service_id, sensor_id)
) WITHOUT ROWID;
