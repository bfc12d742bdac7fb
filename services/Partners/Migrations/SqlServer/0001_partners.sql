CREATE TABLE dbo.partners (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    name NVARCHAR(200) NOT NULL,
    partner_function NVARCHAR(40) NOT NULL,
    category NVARCHAR(60) NOT NULL,
    tier NVARCHAR(40) NOT NULL,
    regions NVARCHAR(MAX) NOT NULL,
    capabilities NVARCHAR(MAX) NOT NULL,
    active BIT NOT NULL,
    version BIGINT NOT NULL,
    created_at DATETIMEOFFSET NOT NULL,
    updated_at DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_partners_name ON dbo.partners (name, id);
