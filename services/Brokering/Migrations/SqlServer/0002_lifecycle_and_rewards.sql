ALTER TABLE dbo.opportunities ADD auto_invite_next_best BIT NOT NULL CONSTRAINT df_opportunities_auto_invite DEFAULT 0;

ALTER TABLE dbo.invitations ADD
    reward_kind NVARCHAR(20) NOT NULL CONSTRAINT df_invitations_reward_kind DEFAULT 'referral-fee',
    reward_percent DECIMAL(7, 4) NULL,
    reward_amount DECIMAL(19, 4) NULL;

-- The batch is compiled before the columns exist: the copy runs as its own statement.
EXEC (N'UPDATE dbo.invitations SET reward_percent = referral_fee_percent;');
ALTER TABLE dbo.invitations DROP COLUMN referral_fee_percent;

CREATE INDEX ix_invitations_pending_deadline ON dbo.invitations (accept_by) WHERE status = 'Pending';
