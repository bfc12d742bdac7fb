CREATE TABLE dbo.deal_conflicts (
    registration_id UNIQUEIDENTIFIER NOT NULL,
    counterpart_partner_id UNIQUEIDENTIFIER NOT NULL,
    registrant_partner_id UNIQUEIDENTIFIER NOT NULL,
    detected_at DATETIMEOFFSET NOT NULL,
    PRIMARY KEY (registration_id, counterpart_partner_id)
);
