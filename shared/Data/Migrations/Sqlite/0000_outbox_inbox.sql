CREATE TABLE outbox_messages (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id TEXT NOT NULL UNIQUE,
    message_type TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NULL
);
CREATE INDEX ix_outbox_messages_unsent ON outbox_messages (sequence) WHERE sent_at IS NULL;

CREATE TABLE inbox_messages (
    message_id TEXT NOT NULL,
    consumer TEXT NOT NULL,
    handled_at TEXT NOT NULL,
    PRIMARY KEY (message_id, consumer)
);
