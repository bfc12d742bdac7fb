CREATE TABLE partner_index (
    partner_id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    tier TEXT NOT NULL,
    regions TEXT NOT NULL,
    capabilities TEXT NOT NULL,
    active INTEGER NOT NULL,
    version INTEGER NOT NULL
);
