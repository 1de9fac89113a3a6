-- The readings log: one row per accepted reading, appended before ingest answers. It is the record (sensor grains
-- fold it; their state is a checkpoint of it) and the history (range queries read it).
--   (sensor_id, ts_ms) is the reading's identity: a resend is found here however late it comes.
--   seq is the row's position among its sensor's rows (1, 2, 3, … in append order, not ts order): a sensor's
--   checkpoint records the seq it folded up to, and replays the rows after it. Appends hold an advisory lock
--   (ReadingLogWriter), so positions are given in commit order across every silo.
--   vals is a JSON object of metric → number, kept as text: written 100,000 times a second, read rarely, so
--   jsonb's parse on every insert would cost CPU the host needs; queries cast it.
CREATE TABLE IF NOT EXISTS reading_log (
    sensor_id   text NOT NULL,
    ts_ms       bigint NOT NULL,            -- the reading's time, Unix milliseconds UTC
    seq         bigint NOT NULL,
    received_ms bigint NOT NULL,            -- when ingest took it: a reading stamped ahead counts as taken then
    vals        text NOT NULL,
    PRIMARY KEY (sensor_id, ts_ms)
);

CREATE UNIQUE INDEX IF NOT EXISTS reading_log_by_seq ON reading_log (sensor_id, seq);

-- How many appends have committed, across every silo. A writer counts its own; when the count it reads under the
-- append lock is not the one it expects, another silo appended meanwhile and the writer forgets the positions it
-- remembered (LogPositions) and reads them again.
CREATE TABLE IF NOT EXISTS reading_log_head (
    id      int PRIMARY KEY CHECK (id = 1),
    commits bigint NOT NULL
);
-- Not ON CONFLICT: its speculative insert waits for an appender's lock on the row, while that appender waits for the
-- lock this script's CREATE INDEX IF NOT EXISTS holds on reading_log (one implicit transaction): a silo restarting
-- under load died of that deadlock. A plain read of an existing row waits for nobody; the schema lock serialises starts.
INSERT INTO reading_log_head (id, commits) SELECT 1, 0 WHERE NOT EXISTS (SELECT FROM reading_log_head);
