-- Audit log: who did what privileged thing, when and from where. Rows are only ever added.
CREATE TABLE IF NOT EXISTS audit_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms     INTEGER NOT NULL,   -- Unix milliseconds, UTC
    actor     TEXT NOT NULL,      -- username, key or token name, or the name tried at a failed login
    role      TEXT NULL,
    action    TEXT NOT NULL,      -- e.g. login, login-failed, login-locked, logout, ingest-key-created
    target    TEXT NULL,
    detail    TEXT NULL,
    remote_ip TEXT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_by_time ON audit_log (at_ms);
