using EcosystemMarket.Data;

namespace EcosystemMarket.Partners.Infrastructure;

internal static class PartnerSql
{
    private const string Columns = """
        p.id AS Id, p.name AS Name, p.partner_function AS PartnerFunction, p.category AS Category, p.tier AS Tier,
        p.management_mode AS ManagementMode, p.profile AS Profile, p.active AS Active, p.version AS Version,
        p.created_at AS CreatedAt, p.updated_at AS UpdatedAt
        """;

    public static readonly SqlText SelectById = SqlText.Portable($"SELECT {Columns} FROM partners AS p WHERE p.id = @Id;");

    /// <summary>
    /// Read-modify-write: SQLite's write transaction already holds the database lock; SQL Server takes an update
    /// lock on the row (and a range lock when it is missing) so two writers of one partner queue up.
    /// </summary>
    public static readonly SqlText SelectByIdForUpdate = new(
        Sqlite: $"SELECT {Columns} FROM partners AS p WHERE p.id = @Id;",
        SqlServer: $"SELECT {Columns} FROM dbo.partners AS p WITH (UPDLOCK, HOLDLOCK) WHERE p.id = @Id;");

    public static readonly SqlText SelectByIds = SqlText.Portable($"SELECT {Columns} FROM partners AS p WHERE p.id IN @Ids;");

    /// <summary>Every partner by id, a page at a time: the keyset cursor costs the same on the last page as on the first.</summary>
    public static readonly SqlText PageById = new(
        Sqlite: $"""
            SELECT {Columns} FROM partners AS p
            WHERE @AfterId IS NULL OR p.id > @AfterId
            ORDER BY p.id LIMIT @Take;
            """,
        SqlServer: $"""
            SELECT TOP (@Take) {Columns} FROM dbo.partners AS p
            WHERE @AfterId IS NULL OR p.id > @AfterId
            ORDER BY p.id;
            """);

    public static readonly SqlText Insert = SqlText.Portable("""
        INSERT INTO partners (id, name, name_lower, partner_function, category, tier, management_mode, profile, active, version, created_at, updated_at)
        VALUES (@Id, @Name, @NameLower, @PartnerFunction, @Category, @Tier, @ManagementMode, @Profile, @Active, @Version, @CreatedAt, @UpdatedAt);
        """);

    public static readonly SqlText Update = SqlText.Portable("""
        UPDATE partners
        SET name = @Name, name_lower = @NameLower, partner_function = @PartnerFunction, category = @Category, tier = @Tier,
            management_mode = @ManagementMode, profile = @Profile, active = @Active, version = @Version, updated_at = @UpdatedAt
        WHERE id = @Id AND version = @ExpectedVersion;
        """);

    public static readonly SqlText DeleteCapabilities = SqlText.Portable("DELETE FROM partner_capabilities WHERE partner_id = @Id;");
    public static readonly SqlText DeleteRegions = SqlText.Portable("DELETE FROM partner_regions WHERE partner_id = @Id;");
    public static readonly SqlText DeleteCertifications = SqlText.Portable("DELETE FROM partner_certifications WHERE partner_id = @Id;");

    public static readonly SqlText InsertCapability = SqlText.Portable("INSERT INTO partner_capabilities (partner_id, code) VALUES (@PartnerId, @Code);");
    public static readonly SqlText InsertRegion = SqlText.Portable("INSERT INTO partner_regions (partner_id, region) VALUES (@PartnerId, @Region);");
    public static readonly SqlText InsertCertification = SqlText.Portable("""
        INSERT INTO partner_certifications (partner_id, position, vendor, issued_on, expires_on)
        VALUES (@PartnerId, @Position, @Vendor, @IssuedOn, @ExpiresOn);
        """);

    private const string SearchFilter = """
        WHERE (@IncludeInactive = 1 OR p.active = 1)
          AND (@PartnerFunction IS NULL OR p.partner_function = @PartnerFunction)
          AND (@Category IS NULL OR p.category = @Category)
          AND (@Tier IS NULL OR p.tier = @Tier)
          AND (@NamePattern IS NULL OR p.name_lower LIKE @NamePattern ESCAPE '\')
          AND (@Region IS NULL OR EXISTS (
                SELECT 1 FROM partner_regions AS r WHERE r.partner_id = p.id AND r.region = @Region))
          AND (@Capability IS NULL OR EXISTS (
                SELECT 1 FROM partner_capabilities AS c
                WHERE c.partner_id = p.id AND (c.code = @Capability OR (@IncludeDescendants = 1 AND c.code LIKE @DescendantPattern))))
          AND (@CertificationVendor IS NULL OR EXISTS (
                SELECT 1 FROM partner_certifications AS pc
                WHERE pc.partner_id = p.id AND pc.vendor = @CertificationVendor
                  AND pc.issued_on <= @Today AND (pc.expires_on IS NULL OR pc.expires_on >= @Today)))
          AND (@AfterName IS NULL OR p.name > @AfterName OR (p.name = @AfterName AND p.id > @AfterId))
        """;

    /// <summary>
    /// One statement for every combination of filters, each switched off by a null parameter. SQL Server would
    /// otherwise cache one plan for the first combination it saw; OPTION (RECOMPILE) plans each search for its filters.
    /// </summary>
    public static readonly SqlText Search = new(
        Sqlite: $"""
            SELECT {Columns} FROM partners AS p
            {SearchFilter}
            ORDER BY p.name, p.id LIMIT @Take;
            """,
        SqlServer: $"""
            SELECT TOP (@Take) {Columns} FROM dbo.partners AS p
            {SearchFilter}
            ORDER BY p.name, p.id
            OPTION (RECOMPILE);
            """);
}
