-- Machine credentials made by administrators over the API: gateway ingest keys and feed tokens. Only a
-- SHA-256 hash of each secret is kept; revoked rows stay for the record.
CREATE TABLE IF NOT EXISTS credentials (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,        -- 'ingest' or 'feed'
    name          TEXT NOT NULL,
    secret_sha256 TEXT NOT NULL UNIQUE, -- hex
    scopes        TEXT NOT NULL,        -- JSON: {"sensors":[],"zones":[],"requestsPerSecond":null} or {"topics":[]}
    created_at_ms INTEGER NOT NULL,
    created_by    TEXT NOT NULL,
    revoked_at_ms INTEGER NULL
);
