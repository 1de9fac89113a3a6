-- Reading history: one row per (sensor, metric, timestamp). Written in batches by the history writer;
-- the primary key makes a resent reading a no-op (ON CONFLICT DO NOTHING) and serves range queries.
CREATE TABLE IF NOT EXISTS readings (
    sensor_id TEXT NOT NULL,
    metric    TEXT NOT NULL,
    ts_ms     INTEGER NOT NULL, -- Unix milliseconds, UTC
    value     REAL NOT NULL,
    PRIMARY KEY (sensor_id, metric, ts_ms)
) WITHOUT ROWID;

-- Retention deletes by age across all sensors.
CREATE INDEX IF NOT EXISTS readings_by_ts ON readings (ts_ms);
