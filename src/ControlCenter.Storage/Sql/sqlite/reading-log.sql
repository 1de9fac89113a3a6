-- The readings log: one row per accepted reading, appended before ingest answers. It is the record (sensor grains
-- fold it; their state is a checkpoint of it) and the history (range queries read it).
--   (sensor_id, ts_ms) is the reading's identity: a resend is found here however late it comes.
--   seq is the row's position among its sensor's rows (1, 2, 3, … in append order, not ts order): a sensor's
--   checkpoint records the seq it folded up to, and replays the rows after it. SQLite has one writer at a time,
--   so positions are given in commit order.
--   vals is a JSON object of metric → number (json_extract reads one metric).
CREATE TABLE IF NOT EXISTS reading_log (
    sensor_id   TEXT NOT NULL,
    ts_ms       INTEGER NOT NULL,           -- the reading's time, Unix milliseconds UTC
    seq         INTEGER NOT NULL,
    received_ms INTEGER NOT NULL,           -- when ingest took it: a reading stamped ahead counts as taken then
    vals        TEXT NOT NULL,
    PRIMARY KEY (sensor_id, ts_ms)
) WITHOUT ROWID;

CREATE UNIQUE INDEX IF NOT EXISTS reading_log_by_seq ON reading_log (sensor_id, seq);

-- How many appends have committed. A writer counts its own; when the count it reads in its write transaction is not
-- the one it expects, another process appended meanwhile and it forgets the positions it remembered (LogPositions).
CREATE TABLE IF NOT EXISTS reading_log_head (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    commits INTEGER NOT NULL
);
INSERT INTO reading_log_head (id, commits) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
