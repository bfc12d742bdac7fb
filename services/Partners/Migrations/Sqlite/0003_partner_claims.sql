-- What a profile claims that a vendor must attest, indexed for each vendor's queue (the claims themselves live in the
-- profile document, rewritten with it), and every vendor decision, append-only.
-- Partners registered before this version read their claims as pending and list them here at their next change.
CREATE TABLE partner_claims (
    partner_id TEXT NOT NULL,
    claim_id TEXT NOT NULL,
    vendor TEXT NOT NULL,
    state TEXT NOT NULL,
    claim TEXT NOT NULL,
    PRIMARY KEY (partner_id, claim_id)
);
CREATE INDEX ix_partner_claims_vendor_state ON partner_claims (vendor, state, claim_id);

-- A decision bumps the partner's version, so (partner, version) names one decision.
CREATE TABLE claim_decisions (
    partner_id TEXT NOT NULL,
    partner_version INTEGER NOT NULL,
    claim_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    vendor TEXT NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT NULL,
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (partner_id, partner_version)
);
CREATE INDEX ix_claim_decisions_claim ON claim_decisions (partner_id, claim_id);
