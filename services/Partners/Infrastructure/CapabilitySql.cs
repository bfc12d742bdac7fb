using EcosystemMarket.Data;

namespace EcosystemMarket.Partners.Infrastructure;

internal static class CapabilitySql
{
    public static readonly SqlText SelectAdded = SqlText.Portable("SELECT code AS Code, name AS Name, synonyms AS Synonyms FROM capability_codes;");

    /// <summary>Two administrators adding one code at once: one row is inserted, the other insert finds it and inserts nothing.</summary>
    public static readonly SqlText InsertUnlessExists = new(
        Sqlite: """
            INSERT INTO capability_codes (code, name, synonyms, added_by, added_at)
            SELECT @Code, @Name, @Synonyms, @AddedBy, @AddedAt
            WHERE NOT EXISTS (SELECT 1 FROM capability_codes WHERE code = @Code);
            """,
        SqlServer: """
            INSERT INTO dbo.capability_codes (code, name, synonyms, added_by, added_at)
            SELECT @Code, @Name, @Synonyms, @AddedBy, @AddedAt
            WHERE NOT EXISTS (SELECT 1 FROM dbo.capability_codes WITH (UPDLOCK, HOLDLOCK) WHERE code = @Code);
            """);
}
