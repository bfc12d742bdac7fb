-- Idempotency-Key: a POST's first answer kept per caller and key (ServiceDefaults/Idempotency). The primary key is what
-- stops two replicas racing on one key from both running it. An answer is NULL while its request is in flight.
CREATE TABLE idempotency_keys (
    caller TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    locked_at TEXT NULL,
    response_status INTEGER NULL,
    response_headers TEXT NULL,
    response_body BLOB NULL,
    completed_at TEXT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX ix_idempotency_keys_created_at ON idempotency_keys (created_at);
