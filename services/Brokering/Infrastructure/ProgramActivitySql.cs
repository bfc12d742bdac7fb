using EcosystemMarket.Data;

namespace EcosystemMarket.Brokering.Infrastructure;

/// <summary>What the ecosystem figures read: a program's (or, with a null @Vendor, every) opportunity posted in [@From, @To).</summary>
internal static class ProgramActivitySql
{
    private const string PostedInPeriod = "o.posted_at >= @From AND o.posted_at < @To AND (@Vendor IS NULL OR o.vendor_id = @Vendor)";

    // Rows, not sums: SQLite keeps decimals as text, and the medians need every duration anyway.
    public static readonly SqlText SelectPostedOpportunities = SqlText.Portable($"""
        SELECT o.id AS Id, o.status AS Status, o.currency AS Currency, o.estimated_value AS EstimatedValue, o.final_value AS FinalValue, o.posted_at AS PostedAt,
            o.blueprint_id AS BlueprintId
        FROM opportunities AS o
        WHERE {PostedInPeriod};
        """);

    public static readonly SqlText SelectMatchedOfPosted = SqlText.Portable($"""
        SELECT DISTINCT s.opportunity_id
        FROM opportunity_suggestions AS s JOIN opportunities AS o ON o.id = s.opportunity_id
        WHERE {PostedInPeriod};
        """);

    public static readonly SqlText SelectInvitationsOfPosted = SqlText.Portable($"""
        SELECT i.opportunity_id AS OpportunityId, i.status AS Status, i.created_at AS CreatedAt, i.responded_at AS RespondedAt
        FROM invitations AS i JOIN opportunities AS o ON o.id = i.opportunity_id
        WHERE {PostedInPeriod};
        """);

    public static readonly SqlText CountRegistrations = SqlText.Portable("""
        SELECT COUNT(*) AS Registered,
            COALESCE(SUM(CASE WHEN is_protected = 1 THEN 1 ELSE 0 END), 0) AS Protected,
            COALESCE(SUM(CASE WHEN conflicts_with_id IS NOT NULL THEN 1 ELSE 0 END), 0) AS Overlaps,
            COALESCE(SUM(CASE WHEN poaching = 1 THEN 1 ELSE 0 END), 0) AS Poaching
        FROM deal_registrations
        WHERE registered_at >= @From AND registered_at < @To AND (@Vendor IS NULL OR vendor_id = @Vendor);
        """);
}
