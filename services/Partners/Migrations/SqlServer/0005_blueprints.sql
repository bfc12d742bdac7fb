-- Vendor blueprints: published once, named uniquely within their vendor (case-insensitively).
CREATE TABLE dbo.blueprints (
    id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_blueprints PRIMARY KEY,
    vendor_id NVARCHAR(100) NOT NULL,
    name NVARCHAR(200) NOT NULL,
    name_lower NVARCHAR(200) NOT NULL,
    description NVARCHAR(2000) NOT NULL,
    capabilities NVARCHAR(MAX) NOT NULL,
    published_by NVARCHAR(200) NOT NULL,
    published_at DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX ux_blueprints_vendor_name ON dbo.blueprints (vendor_id, name_lower);
CREATE INDEX ix_blueprints_name ON dbo.blueprints (name, id);

-- Which partners adopt which blueprint (a side table of the profile, rewritten with it), for adoption figures.
CREATE TABLE dbo.partner_blueprints (
    partner_id UNIQUEIDENTIFIER NOT NULL,
    blueprint_id UNIQUEIDENTIFIER NOT NULL,
    CONSTRAINT pk_partner_blueprints PRIMARY KEY (partner_id, blueprint_id)
);
CREATE INDEX ix_partner_blueprints_blueprint ON dbo.partner_blueprints (blueprint_id, partner_id);
