-- What a profile claims that a vendor must attest, indexed for each vendor's queue (the claims themselves live in the
-- profile document, rewritten with it), and every vendor decision, append-only.
-- Partners registered before this version read their claims as pending and list them here at their next change.
CREATE TABLE dbo.partner_claims (
    partner_id UNIQUEIDENTIFIER NOT NULL,
    claim_id UNIQUEIDENTIFIER NOT NULL,
    vendor NVARCHAR(60) NOT NULL,
    state NVARCHAR(20) NOT NULL,
    claim NVARCHAR(MAX) NOT NULL,
    CONSTRAINT pk_partner_claims PRIMARY KEY (partner_id, claim_id)
);
CREATE INDEX ix_partner_claims_vendor_state ON dbo.partner_claims (vendor, state, claim_id);

-- A decision bumps the partner's version, so (partner, version) names one decision.
CREATE TABLE dbo.claim_decisions (
    partner_id UNIQUEIDENTIFIER NOT NULL,
    partner_version BIGINT NOT NULL,
    claim_id UNIQUEIDENTIFIER NOT NULL,
    kind NVARCHAR(20) NOT NULL,
    vendor NVARCHAR(60) NOT NULL,
    outcome NVARCHAR(20) NOT NULL,
    reason NVARCHAR(500) NULL,
    decided_by NVARCHAR(200) NOT NULL,
    decided_at DATETIMEOFFSET NOT NULL,
    CONSTRAINT pk_claim_decisions PRIMARY KEY (partner_id, partner_version)
);
CREATE INDEX ix_claim_decisions_claim ON dbo.claim_decisions (partner_id, claim_id);
