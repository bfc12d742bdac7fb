CREATE TABLE dbo.deal_registrations (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    sequence BIGINT NOT NULL CONSTRAINT uq_deal_registrations_sequence UNIQUE,
    vendor_id NVARCHAR(100) NOT NULL,
    registrant_partner_id UNIQUEIDENTIFIER NOT NULL,
    opportunity_id UNIQUEIDENTIFIER NULL,
    customer_name NVARCHAR(200) NOT NULL,
    customer_key NVARCHAR(200) NOT NULL,
    scope NVARCHAR(MAX) NOT NULL,
    registered_at DATETIMEOFFSET NOT NULL,
    protected_until DATETIMEOFFSET NOT NULL,
    is_protected BIT NOT NULL,
    conflicts_with_id UNIQUEIDENTIFIER NULL,
    poaching BIT NOT NULL,
    previous_hash CHAR(64) NOT NULL,
    hash CHAR(64) NOT NULL
);
CREATE INDEX ix_deal_registrations_customer ON dbo.deal_registrations (vendor_id, customer_key);
CREATE INDEX ix_deal_registrations_registrant ON dbo.deal_registrations (registrant_partner_id, sequence);
