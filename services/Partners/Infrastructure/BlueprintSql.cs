using EcosystemMarket.Data;

namespace EcosystemMarket.Partners.Infrastructure;

internal static class BlueprintSql
{
    private const string Columns = """
        b.id AS Id, b.vendor_id AS VendorId, b.name AS Name, b.description AS Description, b.capabilities AS Capabilities,
        b.published_by AS PublishedBy, b.published_at AS PublishedAt
        """;

    // Adopters are active partners whose profile names the blueprint on a solution.
    private const string Adopters = """
        (SELECT COUNT(*) FROM partner_blueprints AS pb JOIN partners AS p ON p.id = pb.partner_id
         WHERE pb.blueprint_id = b.id AND p.active = 1) AS Adopters
        """;

    /// <summary>Two publications of one name by one vendor at once: one row is inserted, the other finds it and inserts nothing.</summary>
    public static readonly SqlText InsertUnlessNameTaken = new(
        Sqlite: """
            INSERT INTO blueprints (id, vendor_id, name, name_lower, description, capabilities, published_by, published_at)
            SELECT @Id, @VendorId, @Name, @NameLower, @Description, @Capabilities, @PublishedBy, @PublishedAt
            WHERE NOT EXISTS (SELECT 1 FROM blueprints WHERE vendor_id = @VendorId AND name_lower = @NameLower);
            """,
        SqlServer: """
            INSERT INTO dbo.blueprints (id, vendor_id, name, name_lower, description, capabilities, published_by, published_at)
            SELECT @Id, @VendorId, @Name, @NameLower, @Description, @Capabilities, @PublishedBy, @PublishedAt
            WHERE NOT EXISTS (SELECT 1 FROM dbo.blueprints WITH (UPDLOCK, HOLDLOCK) WHERE vendor_id = @VendorId AND name_lower = @NameLower);
            """);

    public static readonly SqlText SelectByIds = SqlText.Portable($"SELECT {Columns}, {Adopters} FROM blueprints AS b WHERE b.id IN @Ids;");

    /// <summary>By name then id, a page at a time, one vendor's or everyone's.</summary>
    public static readonly SqlText Page = new(
        Sqlite: $"""
            SELECT {Columns}, {Adopters} FROM blueprints AS b
            WHERE (@VendorId IS NULL OR b.vendor_id = @VendorId)
              AND (@AfterName IS NULL OR b.name > @AfterName OR (b.name = @AfterName AND b.id > @AfterId))
            ORDER BY b.name, b.id LIMIT @Take;
            """,
        SqlServer: $"""
            SELECT TOP (@Take) {Columns}, {Adopters} FROM dbo.blueprints AS b
            WHERE (@VendorId IS NULL OR b.vendor_id = @VendorId)
              AND (@AfterName IS NULL OR b.name > @AfterName OR (b.name = @AfterName AND b.id > @AfterId))
            ORDER BY b.name, b.id;
            """);

    public static readonly SqlText SelectAdopters = new(
        Sqlite: """
            SELECT p.id AS Id, p.name AS Name FROM partner_blueprints AS pb JOIN partners AS p ON p.id = pb.partner_id
            WHERE pb.blueprint_id = @Id AND p.active = 1 ORDER BY p.name, p.id LIMIT @Take;
            """,
        SqlServer: """
            SELECT TOP (@Take) p.id AS Id, p.name AS Name FROM dbo.partner_blueprints AS pb JOIN dbo.partners AS p ON p.id = pb.partner_id
            WHERE pb.blueprint_id = @Id AND p.active = 1 ORDER BY p.name, p.id;
            """);

    public static readonly SqlText DeleteAdoptions = SqlText.Portable("DELETE FROM partner_blueprints WHERE partner_id = @Id;");
    public static readonly SqlText InsertAdoption = SqlText.Portable("INSERT INTO partner_blueprints (partner_id, blueprint_id) VALUES (@PartnerId, @BlueprintId);");
}
