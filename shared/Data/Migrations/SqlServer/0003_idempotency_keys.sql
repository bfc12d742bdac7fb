-- Idempotency-Key: a POST's first answer kept per caller and key (ServiceDefaults/Idempotency). The primary key is what
-- stops two replicas racing on one key from both running it. An answer is NULL while its request is in flight.
CREATE TABLE dbo.idempotency_keys (
    caller NVARCHAR(300) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    method VARCHAR(16) NOT NULL,
    path NVARCHAR(MAX) NOT NULL,
    request_hash CHAR(64) NOT NULL,
    created_at DATETIMEOFFSET NOT NULL,
    locked_at DATETIMEOFFSET NULL,
    response_status INT NULL,
    response_headers NVARCHAR(4000) NULL,
    response_body VARBINARY(MAX) NULL,
    completed_at DATETIMEOFFSET NULL,
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX ix_idempotency_keys_created_at ON dbo.idempotency_keys (created_at);
