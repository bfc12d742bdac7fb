-- The W3C traceparent of the request that wrote the row: the dispatcher publishes in its trace.
ALTER TABLE dbo.outbox_messages ADD trace_parent VARCHAR(55) NULL;
