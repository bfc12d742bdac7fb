-- What a partner is told (newest first by sequence), the invitations it must remember to remind and to know a deal's
-- team, its webhook endpoints and every delivery to them. A notification's (partner, kind, subject) is natural: the
-- same fact announced twice under two message ids notifies once.
CREATE TABLE dbo.notifications (
    sequence BIGINT IDENTITY(1, 1) NOT NULL,
    id UNIQUEIDENTIFIER NOT NULL,
    partner_id UNIQUEIDENTIFIER NOT NULL,
    kind NVARCHAR(40) NOT NULL,
    subject_id UNIQUEIDENTIFIER NOT NULL,
    title NVARCHAR(200) NOT NULL,
    body NVARCHAR(1000) NOT NULL,
    link NVARCHAR(200) NOT NULL,
    source_event_id UNIQUEIDENTIFIER NOT NULL,
    occurred_at DATETIMEOFFSET NOT NULL,
    read_at DATETIMEOFFSET NULL,
    CONSTRAINT pk_notifications PRIMARY KEY (sequence),
    CONSTRAINT ux_notifications_id UNIQUE (id)
);
CREATE UNIQUE INDEX ux_notifications_subject ON dbo.notifications (partner_id, kind, subject_id);
CREATE INDEX ix_notifications_partner ON dbo.notifications (partner_id, sequence);

CREATE TABLE dbo.notification_invitations (
    invitation_id UNIQUEIDENTIFIER NOT NULL,
    opportunity_id UNIQUEIDENTIFIER NOT NULL,
    owner_partner_id UNIQUEIDENTIFIER NOT NULL,
    invitee_partner_id UNIQUEIDENTIFIER NOT NULL,
    accept_by DATETIMEOFFSET NULL,
    state NVARCHAR(20) NOT NULL,
    reminded_at DATETIMEOFFSET NULL,
    CONSTRAINT pk_notification_invitations PRIMARY KEY (invitation_id)
);
CREATE INDEX ix_notification_invitations_due ON dbo.notification_invitations (state, accept_by);
CREATE INDEX ix_notification_invitations_opportunity ON dbo.notification_invitations (opportunity_id, state);

CREATE TABLE dbo.webhook_endpoints (
    id UNIQUEIDENTIFIER NOT NULL,
    partner_id UNIQUEIDENTIFIER NOT NULL,
    url NVARCHAR(2000) NOT NULL,
    event_kinds NVARCHAR(1000) NOT NULL,
    enabled BIT NOT NULL,
    secret NVARCHAR(100) NOT NULL,
    previous_secret NVARCHAR(100) NULL,
    previous_secret_until DATETIMEOFFSET NULL,
    created_at DATETIMEOFFSET NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_webhook_endpoints PRIMARY KEY (id)
);
CREATE INDEX ix_webhook_endpoints_partner ON dbo.webhook_endpoints (partner_id);

CREATE TABLE dbo.webhook_deliveries (
    sequence BIGINT IDENTITY(1, 1) NOT NULL,
    id UNIQUEIDENTIFIER NOT NULL,
    endpoint_id UNIQUEIDENTIFIER NOT NULL,
    partner_id UNIQUEIDENTIFIER NOT NULL,
    event_id UNIQUEIDENTIFIER NOT NULL,
    event_type NVARCHAR(40) NOT NULL,
    payload NVARCHAR(MAX) NOT NULL,
    state NVARCHAR(20) NOT NULL,
    attempts INT NOT NULL,
    next_attempt_at DATETIMEOFFSET NULL,
    last_status_code INT NULL,
    last_error NVARCHAR(500) NULL,
    claimed_by NVARCHAR(100) NULL,
    claimed_until DATETIMEOFFSET NULL,
    created_at DATETIMEOFFSET NOT NULL,
    delivered_at DATETIMEOFFSET NULL,
    CONSTRAINT pk_webhook_deliveries PRIMARY KEY (sequence),
    CONSTRAINT ux_webhook_deliveries_id UNIQUE (id)
);
CREATE INDEX ix_webhook_deliveries_due ON dbo.webhook_deliveries (state, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_endpoint ON dbo.webhook_deliveries (endpoint_id, sequence);
