-- Replicas share the outbox: a dispatcher claims rows for a lease (claimed_by, claimed_until) before publishing
-- them; a row that failed too often is parked (parked_at) and no longer dispatched.
ALTER TABLE dbo.outbox_messages ADD
    claimed_by NVARCHAR(200) NULL,
    claimed_until DATETIMEOFFSET NULL,
    parked_at DATETIMEOFFSET NULL;
GO
DROP INDEX ix_outbox_messages_unsent ON dbo.outbox_messages;
CREATE INDEX ix_outbox_messages_dispatchable ON dbo.outbox_messages (sequence) INCLUDE (claimed_by, claimed_until)
    WHERE sent_at IS NULL AND parked_at IS NULL;
-- The retention purge finds old sent rows and old inbox rows by time.
CREATE INDEX ix_outbox_messages_sent ON dbo.outbox_messages (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX ix_inbox_messages_handled_at ON dbo.inbox_messages (handled_at);
