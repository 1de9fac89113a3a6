-- ASP.NET Core's data-protection key ring (login cookies, antiforgery tokens), shared by every silo so that what one
-- silo protected another can read, and so that a restarted pod still knows its keys. One row per XML element the key
-- manager stores (keys and revocations); rows are only ever added. The XML is stored as given (docs/security.md).
CREATE TABLE IF NOT EXISTS data_protection_keys (
    friendly_name text PRIMARY KEY,
    xml           text NOT NULL,
    created_at_ms bigint NOT NULL   -- Unix milliseconds, UTC
);
