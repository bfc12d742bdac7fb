-- When an opportunity was published (posted open, or a draft opened): the ecosystem figures count opportunities by it.
-- It was not kept before this version: an Open opportunity's last update is its publication; for any later state the
-- creation time stands in for it.
ALTER TABLE opportunities ADD COLUMN posted_at TEXT NULL;
UPDATE opportunities SET posted_at = CASE WHEN status = 'Open' THEN updated_at ELSE created_at END WHERE status <> 'Draft';
CREATE INDEX ix_opportunities_vendor_posted ON opportunities (vendor_id, posted_at);
CREATE INDEX ix_deal_registrations_vendor_registered ON deal_registrations (vendor_id, registered_at);
