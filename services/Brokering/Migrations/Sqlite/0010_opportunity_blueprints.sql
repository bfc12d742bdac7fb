-- The vendor blueprint an opportunity is built around, if any (Matching favours the partners that deliver it).
ALTER TABLE opportunities ADD COLUMN blueprint_id TEXT NULL;
CREATE INDEX ix_opportunities_blueprint ON opportunities (blueprint_id) WHERE blueprint_id IS NOT NULL;
