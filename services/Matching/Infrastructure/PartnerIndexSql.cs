using EcosystemMarket.Data;

namespace EcosystemMarket.Matching.Infrastructure;

internal static class PartnerIndexSql
{
    private const string Columns = "partner_id AS PartnerId, name AS Name, tier AS Tier, regions AS Regions, capabilities AS Capabilities, active AS Active";

    // A snapshot replaces the stored one only when it is newer, so redelivered or reordered events are harmless.
    public static readonly SqlText Upsert = new(
        Sqlite: """
            INSERT INTO partner_index (partner_id, name, tier, regions, capabilities, active, version)
            VALUES (@PartnerId, @Name, @Tier, @Regions, @Capabilities, @Active, @Version)
            ON CONFLICT (partner_id) DO UPDATE SET
                name = excluded.name, tier = excluded.tier, regions = excluded.regions,
                capabilities = excluded.capabilities, active = excluded.active, version = excluded.version
            WHERE excluded.version > partner_index.version;
            """,
        SqlServer: """
            MERGE dbo.partner_index WITH (HOLDLOCK) AS target
            USING (SELECT @PartnerId AS partner_id) AS source ON target.partner_id = source.partner_id
            WHEN MATCHED AND target.version < @Version THEN
                UPDATE SET name = @Name, tier = @Tier, regions = @Regions, capabilities = @Capabilities, active = @Active, version = @Version
            WHEN NOT MATCHED THEN
                INSERT (partner_id, name, tier, regions, capabilities, active, version)
                VALUES (@PartnerId, @Name, @Tier, @Regions, @Capabilities, @Active, @Version);
            """);

    public static readonly SqlText SelectById = SqlText.Portable($"SELECT {Columns} FROM partner_index WHERE partner_id = @PartnerId;");

    public static readonly SqlText SelectActive = SqlText.Portable($"SELECT {Columns} FROM partner_index WHERE active = 1;");
}
