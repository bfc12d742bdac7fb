using EcosystemMarket.Data;

namespace EcosystemMarket.Partners.Infrastructure;

internal static class ClaimSql
{
    public static readonly SqlText DeleteClaims = SqlText.Portable("DELETE FROM partner_claims WHERE partner_id = @Id;");

    public static readonly SqlText InsertClaim = SqlText.Portable("""
        INSERT INTO partner_claims (partner_id, claim_id, vendor, state, claim)
        VALUES (@PartnerId, @ClaimId, @Vendor, @State, @Claim);
        """);

    public static readonly SqlText InsertDecision = SqlText.Portable("""
        INSERT INTO claim_decisions (partner_id, partner_version, claim_id, kind, vendor, outcome, reason, decided_by, decided_at)
        VALUES (@PartnerId, @PartnerVersion, @ClaimId, @Kind, @Vendor, @Outcome, @Reason, @DecidedBy, @DecidedAt);
        """);

    public static readonly SqlText SelectDecisions = SqlText.Portable("""
        SELECT d.partner_id AS PartnerId, d.claim_id AS ClaimId, d.kind AS Kind, d.vendor AS Vendor, d.outcome AS Outcome, d.reason AS Reason,
               d.decided_by AS DecidedBy, d.decided_at AS DecidedAt, d.partner_version AS PartnerVersion
        FROM claim_decisions AS d
        WHERE d.partner_id = @PartnerId AND d.claim_id = @ClaimId
        ORDER BY d.partner_version;
        """);

    /// <summary>The claims addressed to a vendor in one state, of partners that take part, a page at a time by claim id.</summary>
    public static readonly SqlText SelectForVendor = new(
        Sqlite: """
            SELECT c.partner_id AS PartnerId, p.name AS PartnerName, c.claim_id AS ClaimId, c.claim AS Claim
            FROM partner_claims AS c JOIN partners AS p ON p.id = c.partner_id
            WHERE c.vendor = @Vendor AND c.state = @State AND p.active = 1 AND (@AfterId IS NULL OR c.claim_id > @AfterId)
            ORDER BY c.claim_id LIMIT @Take;
            """,
        SqlServer: """
            SELECT TOP (@Take) c.partner_id AS PartnerId, p.name AS PartnerName, c.claim_id AS ClaimId, c.claim AS Claim
            FROM dbo.partner_claims AS c JOIN dbo.partners AS p ON p.id = c.partner_id
            WHERE c.vendor = @Vendor AND c.state = @State AND p.active = 1 AND (@AfterId IS NULL OR c.claim_id > @AfterId)
            ORDER BY c.claim_id;
            """);

    /// <summary>Partners whose stored profile predates claims (migration 0003): their claims are derived on read but are in no vendor's queue yet.</summary>
    public static readonly SqlText SelectPartnersWithoutClaims = new(
        Sqlite: "SELECT p.id FROM partners AS p WHERE json_extract(p.profile, '$.claims') IS NULL ORDER BY p.id LIMIT @Take;",
        SqlServer: "SELECT TOP (@Take) p.id FROM dbo.partners AS p WHERE JSON_QUERY(p.profile, '$.claims') IS NULL ORDER BY p.id;");

    /// <summary>Stores the claims a profile makes without a new version: they are all pending, so its snapshot does not change.</summary>
    public static readonly SqlText UpdateProfile = SqlText.Portable("UPDATE partners SET profile = @Profile WHERE id = @Id AND version = @Version;");
}
