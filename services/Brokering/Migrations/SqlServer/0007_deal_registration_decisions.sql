-- A vendor's decision on a registration of its program, beside the hash-chained record, which never changes. One per
-- registration: the key makes a second decision fail even when two arrive at once.
CREATE TABLE dbo.deal_registration_decisions (
    registration_id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY REFERENCES dbo.deal_registrations (id),
    vendor_id NVARCHAR(100) NOT NULL,
    decision NVARCHAR(20) NOT NULL,
    reason NVARCHAR(500) NULL,
    decided_at DATETIMEOFFSET NOT NULL
);
