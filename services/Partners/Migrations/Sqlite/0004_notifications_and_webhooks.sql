-- What a partner is told (newest first by sequence), the invitations it must remember to remind and to know a deal's
-- team, its webhook endpoints and every delivery to them. A notification's (partner, kind, subject) is natural: the
-- same fact announced twice under two message ids notifies once.
CREATE TABLE notifications (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    partner_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    link TEXT NOT NULL,
    source_event_id TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    read_at TEXT NULL
);
CREATE UNIQUE INDEX ux_notifications_subject ON notifications (partner_id, kind, subject_id);
CREATE INDEX ix_notifications_partner ON notifications (partner_id, sequence);

CREATE TABLE notification_invitations (
    invitation_id TEXT NOT NULL PRIMARY KEY,
    opportunity_id TEXT NOT NULL,
    owner_partner_id TEXT NOT NULL,
    invitee_partner_id TEXT NOT NULL,
    accept_by TEXT NULL,
    state TEXT NOT NULL,
    reminded_at TEXT NULL
);
CREATE INDEX ix_notification_invitations_due ON notification_invitations (state, accept_by);
CREATE INDEX ix_notification_invitations_opportunity ON notification_invitations (opportunity_id, state);

CREATE TABLE webhook_endpoints (
    id TEXT NOT NULL PRIMARY KEY,
    partner_id TEXT NOT NULL,
    url TEXT NOT NULL,
    event_kinds TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    secret TEXT NOT NULL,
    previous_secret TEXT NULL,
    previous_secret_until TEXT NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX ix_webhook_endpoints_partner ON webhook_endpoints (partner_id);

CREATE TABLE webhook_deliveries (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    endpoint_id TEXT NOT NULL,
    partner_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TEXT NULL,
    last_status_code INTEGER NULL,
    last_error TEXT NULL,
    claimed_by TEXT NULL,
    claimed_until TEXT NULL,
    created_at TEXT NOT NULL,
    delivered_at TEXT NULL
);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, sequence);
