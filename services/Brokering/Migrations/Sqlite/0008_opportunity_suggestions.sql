-- The partners Matching suggested for an opportunity, as last suggested: a partner sees what it was suggested for.
-- One row per (opportunity, partner); asking again updates the rank, score, reasons and time.
CREATE TABLE opportunity_suggestions (
    opportunity_id TEXT NOT NULL REFERENCES opportunities (id),
    partner_id TEXT NOT NULL,
    rank INTEGER NOT NULL,
    score REAL NOT NULL,
    reasons TEXT NOT NULL,
    suggested_at TEXT NOT NULL,
    PRIMARY KEY (opportunity_id, partner_id)
);
CREATE INDEX ix_opportunity_suggestions_partner ON opportunity_suggestions (partner_id, suggested_at, opportunity_id);
