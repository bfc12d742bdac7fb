ALTER TABLE opportunities ADD COLUMN auto_invite_next_best INTEGER NOT NULL DEFAULT 0;

ALTER TABLE invitations ADD COLUMN reward_kind TEXT NOT NULL DEFAULT 'referral-fee';
ALTER TABLE invitations ADD COLUMN reward_percent TEXT NULL;
ALTER TABLE invitations ADD COLUMN reward_amount TEXT NULL;
UPDATE invitations SET reward_percent = referral_fee_percent;
ALTER TABLE invitations DROP COLUMN referral_fee_percent;

CREATE INDEX ix_invitations_pending_deadline ON invitations (accept_by) WHERE status = 'Pending';
