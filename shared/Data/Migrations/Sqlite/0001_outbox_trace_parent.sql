-- The W3C traceparent of the request that wrote the row: the dispatcher publishes in its trace.
ALTER TABLE outbox_messages ADD COLUMN trace_parent TEXT NULL;
