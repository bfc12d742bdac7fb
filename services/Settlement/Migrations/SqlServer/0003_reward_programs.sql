CREATE TABLE dbo.reward_programs (
    vendor_id NVARCHAR(100) NOT NULL PRIMARY KEY,
    name NVARCHAR(200) NOT NULL,
    currency NCHAR(3) NOT NULL,
    lead_registration_bonus DECIMAL(19, 4) NOT NULL,
    tier_multipliers NVARCHAR(400) NOT NULL,
    holding_period_days BIGINT NOT NULL,
    updated_at DATETIMEOFFSET NOT NULL
);
