-- The management mode each participant joined a program's deal under: the owner's when it posted, an invitee's when
-- invited. Later rules read these, never the directory, so a vendor's change of modes applies to new deals only.
ALTER TABLE opportunities ADD COLUMN owner_management_mode TEXT NULL;
ALTER TABLE invitations ADD COLUMN invitee_management_mode TEXT NULL;
CREATE INDEX ix_opportunities_one_on_one ON opportunities (vendor_id, created_at, id) WHERE owner_management_mode = 'one-on-one';
CREATE INDEX ix_invitations_one_on_one ON invitations (opportunity_id) WHERE invitee_management_mode = 'one-on-one';

-- One-on-one relationships: the named owner on each side of a (vendor program, partner) pair; each side names its own.
CREATE TABLE relationship_owners (
    vendor_id TEXT NOT NULL,
    partner_id TEXT NOT NULL,
    vendor_owner TEXT NULL,
    partner_owner TEXT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (vendor_id, partner_id)
);
CREATE INDEX ix_relationship_owners_partner ON relationship_owners (partner_id);
