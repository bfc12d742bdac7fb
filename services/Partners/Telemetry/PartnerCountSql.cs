using EcosystemMarket.Data;

namespace EcosystemMarket.Partners.Telemetry;

internal static class PartnerCountSql
{
    /// <summary>
    /// Active partners counted by function (type), tier and region, once for the whole ecosystem (vendor '*')
    /// and once per program they are members of; a partner in two regions counts in both. One statement, so
    /// the three figures of a snapshot agree.
    /// </summary>
    public static readonly SqlText Counts = new(
        Sqlite: """
            WITH members AS (
                SELECT p.id, p.partner_function, p.tier, '*' AS vendor FROM partners AS p WHERE p.active = 1
                UNION ALL
                SELECT p.id, p.partner_function, p.tier, m.value AS vendor
                FROM partners AS p, json_each(p.profile, '$.programMemberships') AS m
                WHERE p.active = 1
            )
            SELECT 'type' AS Dimension, vendor AS Vendor, partner_function AS Value, COUNT(*) AS Partners FROM members GROUP BY vendor, partner_function
            UNION ALL
            SELECT 'tier', vendor, tier, COUNT(*) FROM members GROUP BY vendor, tier
            UNION ALL
            SELECT 'region', m.vendor, r.region, COUNT(*) FROM members AS m JOIN partner_regions AS r ON r.partner_id = m.id GROUP BY m.vendor, r.region;
            """,
        SqlServer: """
            WITH members AS (
                SELECT p.id, p.partner_function, p.tier, CAST(N'*' AS NVARCHAR(4000)) AS vendor FROM dbo.partners AS p WHERE p.active = 1
                UNION ALL
                SELECT p.id, p.partner_function, p.tier, CAST(m.value AS NVARCHAR(4000)) AS vendor
                FROM dbo.partners AS p CROSS APPLY OPENJSON(p.profile, '$.programMemberships') AS m
                WHERE p.active = 1
            )
            SELECT 'type' AS Dimension, vendor AS Vendor, partner_function AS Value, COUNT_BIG(*) AS Partners FROM members GROUP BY vendor, partner_function
            UNION ALL
            SELECT 'tier', vendor, tier, COUNT_BIG(*) FROM members GROUP BY vendor, tier
            UNION ALL
            SELECT 'region', m.vendor, r.region, COUNT_BIG(*) FROM members AS m JOIN dbo.partner_regions AS r ON r.partner_id = m.id GROUP BY m.vendor, r.region;
            """);
}
