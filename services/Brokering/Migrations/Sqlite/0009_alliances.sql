-- Alliances: partners who share pipeline within a scope (JSON: capabilities, regions, vendor programs) at a level.
-- Saved with optimistic concurrency, as opportunities are: members and shares change only with the alliance's version.
CREATE TABLE alliances (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    proposed_by TEXT NOT NULL,
    scope TEXT NOT NULL,
    sharing_level TEXT NOT NULL,
    state TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE alliance_members (
    alliance_id TEXT NOT NULL REFERENCES alliances (id),
    partner_id TEXT NOT NULL,
    status TEXT NOT NULL,
    answered_at TEXT NULL,
    PRIMARY KEY (alliance_id, partner_id)
);
CREATE INDEX ix_alliance_members_partner ON alliance_members (partner_id, alliance_id);

CREATE TABLE alliance_shared_opportunities (
    alliance_id TEXT NOT NULL REFERENCES alliances (id),
    opportunity_id TEXT NOT NULL REFERENCES opportunities (id),
    owner_partner_id TEXT NOT NULL,
    shared_at TEXT NOT NULL,
    PRIMARY KEY (alliance_id, opportunity_id)
);
CREATE INDEX ix_alliance_shared_opportunities_opportunity ON alliance_shared_opportunities (opportunity_id);
