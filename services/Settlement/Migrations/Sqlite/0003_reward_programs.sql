CREATE TABLE reward_programs (
    vendor_id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    currency TEXT NOT NULL,
    lead_registration_bonus TEXT NOT NULL,
    tier_multipliers TEXT NOT NULL,
    holding_period_days INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
