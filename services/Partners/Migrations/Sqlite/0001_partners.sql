CREATE TABLE partners (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    partner_function TEXT NOT NULL,
    category TEXT NOT NULL,
    tier TEXT NOT NULL,
    regions TEXT NOT NULL,
    capabilities TEXT NOT NULL,
    active INTEGER NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ix_partners_name ON partners (name, id);
