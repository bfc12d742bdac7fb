-- The vendor whose partner program an opportunity belongs to; opportunities posted before stay without one.
ALTER TABLE dbo.opportunities ADD vendor_id NVARCHAR(100) NULL;
