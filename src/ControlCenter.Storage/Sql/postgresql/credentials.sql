-- Machine credentials made by administrators over the API: gateway ingest keys and feed tokens. Only a
-- SHA-256 hash of each secret is kept; revoked rows stay for the record.
CREATE TABLE IF NOT EXISTS credentials (
    id            text PRIMARY KEY,
    kind          text NOT NULL,        -- 'ingest' or 'feed'
    name          text NOT NULL,
    secret_sha256 text NOT NULL UNIQUE, -- hex
    scopes        text NOT NULL,        -- JSON: {"sensors":[],"zones":[],"requestsPerSecond":null} or {"topics":[]}
    created_at_ms bigint NOT NULL,
    created_by    text NOT NULL,
    revoked_at_ms bigint NULL
);
