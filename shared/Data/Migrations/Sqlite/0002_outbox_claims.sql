-- Replicas share the outbox: a dispatcher claims rows for a lease (claimed_by, claimed_until) before publishing
-- them; a row that failed too often is parked (parked_at) and no longer dispatched.
ALTER TABLE outbox_messages ADD COLUMN claimed_by TEXT NULL;
ALTER TABLE outbox_messages ADD COLUMN claimed_until TEXT NULL;
ALTER TABLE outbox_messages ADD COLUMN parked_at TEXT NULL;

DROP INDEX ix_outbox_messages_unsent;
CREATE INDEX ix_outbox_messages_dispatchable ON outbox_messages (sequence) WHERE sent_at IS NULL AND parked_at IS NULL;
-- The retention purge finds old sent rows and old inbox rows by time.
CREATE INDEX ix_outbox_messages_sent ON outbox_messages (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX ix_inbox_messages_handled_at ON inbox_messages (handled_at);
