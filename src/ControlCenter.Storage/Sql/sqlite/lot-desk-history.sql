-- Lot desk history: a lot's parking-app figures from a moment on, one row each time they changed, for incident
-- review (the desk's own grain state is the authority; a row that failed to be written is only missing from review).
-- The three "today" figures count the city day (Asia/Ho_Chi_Minh) of at_ms.
CREATE TABLE IF NOT EXISTS lot_desk_history (
    lot_id            TEXT NOT NULL,
    at_ms             INTEGER NOT NULL,   -- Unix milliseconds, UTC, on the city clock
    held              INTEGER NOT NULL,
    sessions_open     INTEGER NOT NULL,
    sessions_today    INTEGER NOT NULL,
    revenue_today_vnd INTEGER NOT NULL,
    paid_today_vnd    INTEGER NOT NULL,
    PRIMARY KEY (lot_id, at_ms)
) WITHOUT ROWID;
