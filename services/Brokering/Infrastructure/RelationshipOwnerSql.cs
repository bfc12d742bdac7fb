using EcosystemMarket.Data;

namespace EcosystemMarket.Brokering.Infrastructure;

internal static class RelationshipOwnerSql
{
    private const string Columns = """
        vendor_id AS VendorId, partner_id AS PartnerId, vendor_owner AS VendorOwner, partner_owner AS PartnerOwner, updated_at AS UpdatedAt
        """;

    public static readonly SqlText Select = SqlText.Portable($"SELECT {Columns} FROM relationship_owners WHERE vendor_id = @VendorId AND partner_id = @PartnerId;");

    // Each side writes only its own column, so the vendor and the partner naming theirs at once both keep their names.
    public static readonly SqlText UpsertVendorOwner = new(
        Sqlite: """
            INSERT INTO relationship_owners (vendor_id, partner_id, vendor_owner, partner_owner, updated_at)
            VALUES (@VendorId, @PartnerId, @Name, NULL, @UpdatedAt)
            ON CONFLICT (vendor_id, partner_id) DO UPDATE SET vendor_owner = excluded.vendor_owner, updated_at = excluded.updated_at;
            """,
        SqlServer: """
            MERGE dbo.relationship_owners WITH (HOLDLOCK) AS t
            USING (SELECT @VendorId AS vendor_id, @PartnerId AS partner_id) AS s
            ON t.vendor_id = s.vendor_id AND t.partner_id = s.partner_id
            WHEN MATCHED THEN UPDATE SET vendor_owner = @Name, updated_at = @UpdatedAt
            WHEN NOT MATCHED THEN INSERT (vendor_id, partner_id, vendor_owner, partner_owner, updated_at) VALUES (@VendorId, @PartnerId, @Name, NULL, @UpdatedAt);
            """);

    public static readonly SqlText UpsertPartnerOwner = new(
        Sqlite: """
            INSERT INTO relationship_owners (vendor_id, partner_id, vendor_owner, partner_owner, updated_at)
            VALUES (@VendorId, @PartnerId, NULL, @Name, @UpdatedAt)
            ON CONFLICT (vendor_id, partner_id) DO UPDATE SET partner_owner = excluded.partner_owner, updated_at = excluded.updated_at;
            """,
        SqlServer: """
            MERGE dbo.relationship_owners WITH (HOLDLOCK) AS t
            USING (SELECT @VendorId AS vendor_id, @PartnerId AS partner_id) AS s
            ON t.vendor_id = s.vendor_id AND t.partner_id = s.partner_id
            WHEN MATCHED THEN UPDATE SET partner_owner = @Name, updated_at = @UpdatedAt
            WHEN NOT MATCHED THEN INSERT (vendor_id, partner_id, vendor_owner, partner_owner, updated_at) VALUES (@VendorId, @PartnerId, NULL, @Name, @UpdatedAt);
            """);

    public static readonly SqlText PageOfVendor = new(
        Sqlite: $"""
            SELECT {Columns} FROM relationship_owners
            WHERE vendor_id = @VendorId AND (@After IS NULL OR partner_id > @After)
            ORDER BY partner_id LIMIT @Take;
            """,
        SqlServer: $"""
            SELECT TOP (@Take) {Columns} FROM dbo.relationship_owners
            WHERE vendor_id = @VendorId AND (@After IS NULL OR partner_id > @After)
            ORDER BY partner_id;
            """);
}
