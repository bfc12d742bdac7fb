-- Vendor blueprints: published once, named uniquely within their vendor (case-insensitively).
CREATE TABLE blueprints (
    id TEXT NOT NULL PRIMARY KEY,
    vendor_id TEXT NOT NULL,
    name TEXT NOT NULL,
    name_lower TEXT NOT NULL,
    description TEXT NOT NULL,
    capabilities TEXT NOT NULL,
    published_by TEXT NOT NULL,
    published_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_blueprints_vendor_name ON blueprints (vendor_id, name_lower);
CREATE INDEX ix_blueprints_name ON blueprints (name, id);

-- Which partners adopt which blueprint (a side table of the profile, rewritten with it), for adoption figures.
CREATE TABLE partner_blueprints (
    partner_id TEXT NOT NULL,
    blueprint_id TEXT NOT NULL,
    PRIMARY KEY (partner_id, blueprint_id)
);
CREATE INDEX ix_partner_blueprints_blueprint ON partner_blueprints (blueprint_id, partner_id);
