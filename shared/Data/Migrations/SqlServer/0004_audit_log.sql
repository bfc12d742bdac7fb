-- The append-only audit log (Data/Audit): every change a unit of work makes to the service's records, written in the
-- change's own transaction. Ids are UUIDv7 text in a binary collation: their order is time order, in every service,
-- so one cursor pages a merged log (a uniqueidentifier would sort by its last bytes). The triggers make the tables
-- append-only for every writer, not only for our code.
CREATE TABLE dbo.audit_log (
    id CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL CONSTRAINT pk_audit_log PRIMARY KEY,
    at DATETIMEOFFSET NOT NULL,
    actor NVARCHAR(300) NOT NULL,
    actor_role VARCHAR(50) NOT NULL,
    acting_for NVARCHAR(100) NULL,
    action VARCHAR(100) NOT NULL,
    subject_type VARCHAR(50) NOT NULL,
    subject_id NVARCHAR(100) NOT NULL,
    vendor_id NVARCHAR(100) NULL,
    request NVARCHAR(300) NULL,
    trace_id VARCHAR(32) NULL,
    idempotency_key VARCHAR(255) NULL,
    details NVARCHAR(MAX) NULL
);
CREATE INDEX ix_audit_log_vendor ON dbo.audit_log (vendor_id, id) WHERE vendor_id IS NOT NULL;
CREATE INDEX ix_audit_log_subject ON dbo.audit_log (subject_id, id);

-- The partner organisations an entry concerns: a partner reads the entries of its own organisation through here.
CREATE TABLE dbo.audit_parties (
    partner_id UNIQUEIDENTIFIER NOT NULL,
    entry_id CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL,
    CONSTRAINT pk_audit_parties PRIMARY KEY (partner_id, entry_id)
);
GO

CREATE TRIGGER dbo.audit_log_append_only ON dbo.audit_log INSTEAD OF UPDATE, DELETE
AS THROW 51000, 'The audit log is append-only.', 1;
GO

CREATE TRIGGER dbo.audit_parties_append_only ON dbo.audit_parties INSTEAD OF UPDATE, DELETE
AS THROW 51000, 'The audit log is append-only.', 1;
