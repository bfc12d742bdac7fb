using EcosystemMarket.Data;

namespace EcosystemMarket.Partners.Infrastructure;

internal static class PartnerSql
{
    private const string Columns = """
        id AS Id, name AS Name, partner_function AS PartnerFunction, category AS Category, tier AS Tier,
        regions AS Regions, capabilities AS Capabilities, active AS Active, version AS Version,
        created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    public static readonly SqlText SelectById = SqlText.Portable($"SELECT {Columns} FROM partners WHERE id = @Id;");

    public static readonly SqlText Insert = SqlText.Portable("""
        INSERT INTO partners (id, name, partner_function, category, tier, regions, capabilities, active, version, created_at, updated_at)
        VALUES (@Id, @Name, @PartnerFunction, @Category, @Tier, @Regions, @Capabilities, @Active, @Version, @CreatedAt, @UpdatedAt);
        """);

    public static readonly SqlText Update = SqlText.Portable("""
        UPDATE partners
        SET name = @Name, partner_function = @PartnerFunction, category = @Category, tier = @Tier,
            regions = @Regions, capabilities = @Capabilities, version = @Version, updated_at = @UpdatedAt
        WHERE id = @Id AND version = @ExpectedVersion;
        """);

    public static readonly SqlText Page = new(
        Sqlite: $"""
            SELECT {Columns} FROM partners
            WHERE @AfterName IS NULL OR name > @AfterName OR (name = @AfterName AND id > @AfterId)
            ORDER BY name, id LIMIT @Take;
            """,
        SqlServer: $"""
            SELECT TOP (@Take) {Columns} FROM dbo.partners
            WHERE @AfterName IS NULL OR name > @AfterName OR (name = @AfterName AND id > @AfterId)
            ORDER BY name, id;
            """);
}
