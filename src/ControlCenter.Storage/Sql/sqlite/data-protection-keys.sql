-- ASP.NET Core's data-protection key ring (login cookies, antiforgery tokens), kept with the rest of the centre's data
-- so that a restart keeps every sign-in. One row per XML element the key manager stores (keys and revocations); rows
-- are only ever added. The XML is stored as given (docs/security.md).
CREATE TABLE IF NOT EXISTS data_protection_keys (
    friendly_name TEXT PRIMARY KEY,
    xml           TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL   -- Unix milliseconds, UTC
);
