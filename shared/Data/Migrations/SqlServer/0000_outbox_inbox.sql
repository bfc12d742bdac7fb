CREATE TABLE dbo.outbox_messages (
    sequence BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    message_id UNIQUEIDENTIFIER NOT NULL UNIQUE,
    message_type NVARCHAR(400) NOT NULL,
    body NVARCHAR(MAX) NOT NULL,
    created_at DATETIMEOFFSET NOT NULL,
    sent_at DATETIMEOFFSET NULL,
    attempts INT NOT NULL DEFAULT 0,
    last_error NVARCHAR(2000) NULL
);
CREATE INDEX ix_outbox_messages_unsent ON dbo.outbox_messages (sequence) WHERE sent_at IS NULL;

CREATE TABLE dbo.inbox_messages (
    message_id UNIQUEIDENTIFIER NOT NULL,
    consumer NVARCHAR(200) NOT NULL,
    handled_at DATETIMEOFFSET NOT NULL,
    PRIMARY KEY (message_id, consumer)
);
