CREATE TABLE dbo.partner_index (
    partner_id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    name NVARCHAR(200) NOT NULL,
    tier NVARCHAR(40) NOT NULL,
    regions NVARCHAR(MAX) NOT NULL,
    capabilities NVARCHAR(MAX) NOT NULL,
    active BIT NOT NULL,
    version BIGINT NOT NULL
);
