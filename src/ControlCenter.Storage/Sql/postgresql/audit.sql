-- Audit log: who did what privileged thing, when and from where. Rows are only ever added.
CREATE TABLE IF NOT EXISTS audit_log (
    id        bigserial PRIMARY KEY,
    at_ms     bigint NOT NULL,    -- Unix milliseconds, UTC
    actor     text NOT NULL,      -- username, key or token name, or the name tried at a failed login
    role      text NULL,
    action    text NOT NULL,      -- e.g. login, login-failed, login-locked, logout, ingest-key-created
    target    text NULL,
    detail    text NULL,
    remote_ip text NULL
);
CREATE INDEX IF NOT EXISTS audit_log_by_time ON audit_log (at_ms);
