-- The partners Matching suggested for an opportunity, as last suggested: a partner sees what it was suggested for.
-- One row per (opportunity, partner); asking again updates the rank, score, reasons and time.
CREATE TABLE dbo.opportunity_suggestions (
    opportunity_id UNIQUEIDENTIFIER NOT NULL REFERENCES dbo.opportunities (id),
    partner_id UNIQUEIDENTIFIER NOT NULL,
    rank BIGINT NOT NULL,
    score FLOAT NOT NULL,
    reasons NVARCHAR(MAX) NOT NULL,
    suggested_at DATETIMEOFFSET NOT NULL,
    CONSTRAINT pk_opportunity_suggestions PRIMARY KEY (opportunity_id, partner_id)
);
CREATE INDEX ix_opportunity_suggestions_partner ON dbo.opportunity_suggestions (partner_id, suggested_at, opportunity_id);
