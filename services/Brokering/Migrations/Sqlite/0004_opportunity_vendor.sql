-- The vendor whose partner program an opportunity belongs to; opportunities posted before stay without one.
ALTER TABLE opportunities ADD COLUMN vendor_id TEXT NULL;
