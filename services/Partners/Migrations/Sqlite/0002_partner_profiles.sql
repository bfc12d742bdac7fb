-- The profile's lists move into one JSON document (profile); the side tables index what search filters on,
-- rewritten with the partner row in the same transaction.
ALTER TABLE partners ADD COLUMN management_mode TEXT NULL;
ALTER TABLE partners ADD COLUMN name_lower TEXT NOT NULL DEFAULT '';
ALTER TABLE partners ADD COLUMN profile TEXT NOT NULL DEFAULT '{}';

CREATE TABLE partner_capabilities (
    partner_id TEXT NOT NULL,
    code TEXT NOT NULL,
    PRIMARY KEY (partner_id, code)
);
CREATE INDEX ix_partner_capabilities_code ON partner_capabilities (code, partner_id);

CREATE TABLE partner_regions (
    partner_id TEXT NOT NULL,
    region TEXT NOT NULL,
    PRIMARY KEY (partner_id, region)
);
CREATE INDEX ix_partner_regions_region ON partner_regions (region, partner_id);

CREATE TABLE partner_certifications (
    partner_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    vendor TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    expires_on TEXT NULL,
    PRIMARY KEY (partner_id, position)
);
CREATE INDEX ix_partner_certifications_vendor ON partner_certifications (vendor, partner_id);

CREATE TABLE capability_codes (
    code TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    synonyms TEXT NOT NULL,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL
);

-- Partners registered before this version keep their regions, and their capabilities at 'intermediate'.
UPDATE partners SET
    name_lower = lower(name),
    profile = json_object(
        'regions', json(regions),
        'capabilities', (SELECT json_group_array(json_object('code', c.value, 'proficiency', 'intermediate')) FROM json_each(partners.capabilities) AS c));
INSERT INTO partner_capabilities (partner_id, code) SELECT DISTINCT p.id, c.value FROM partners AS p, json_each(p.capabilities) AS c;
INSERT INTO partner_regions (partner_id, region) SELECT DISTINCT p.id, r.value FROM partners AS p, json_each(p.regions) AS r;
ALTER TABLE partners DROP COLUMN regions;
ALTER TABLE partners DROP COLUMN capabilities;

CREATE INDEX ix_partners_active_name ON partners (active, name, id);
