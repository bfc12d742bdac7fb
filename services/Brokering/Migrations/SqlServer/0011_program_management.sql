-- How each vendor manages each partner category (formal program, formal support, one-on-one, SLA, marketing and PR).
CREATE TABLE dbo.program_management (
    vendor_id NVARCHAR(100) NOT NULL CONSTRAINT pk_program_management PRIMARY KEY,
    category_modes NVARCHAR(MAX) NOT NULL,
    sla_response_hours INT NOT NULL,
    support_contact NVARCHAR(200) NULL,
    version BIGINT NOT NULL,
    updated_at DATETIMEOFFSET NOT NULL
);

-- An invitation to an SLA-managed partner carries when the SLA wants its answer by; answered later is a breach.
ALTER TABLE dbo.invitations ADD sla_due_at DATETIMEOFFSET NULL;
GO

-- A new batch: SQL Server resolves the column added above only in a batch compiled after it exists.
CREATE INDEX ix_invitations_sla ON dbo.invitations (opportunity_id, sla_due_at) WHERE sla_due_at IS NOT NULL;
