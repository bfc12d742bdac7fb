using EcosystemMarket.Data;

namespace EcosystemMarket.Brokering.Infrastructure;

internal static class DealRegistrationSql
{
    private const string Columns = """
        id AS Id, sequence AS Sequence, vendor_id AS VendorId, registrant_partner_id AS RegistrantPartnerId, opportunity_id AS OpportunityId,
        customer_name AS CustomerName, customer_key AS CustomerKey, scope AS Scope, registered_at AS RegisteredAt, protected_until AS ProtectedUntil,
        is_protected AS IsProtected, conflicts_with_id AS ConflictsWithId, poaching AS Poaching, previous_hash AS PreviousHash, hash AS Hash
        """;

    // Appending to the chain must be serial: SQLite's write lock does it; on SQL Server the lock on the last link does.
    public static readonly SqlText SelectLast = new(
        Sqlite: $"SELECT {Columns} FROM deal_registrations ORDER BY sequence DESC LIMIT 1;",
        SqlServer: $"SELECT TOP (1) {Columns} FROM dbo.deal_registrations WITH (UPDLOCK, HOLDLOCK) ORDER BY sequence DESC;");

    // A registration its vendor rejected protects nothing.
    private const string NotRejected = "id NOT IN (SELECT registration_id FROM deal_registration_decisions WHERE decision = 'rejected')";

    public static readonly SqlText SelectSameCustomer = SqlText.Portable(
        $"SELECT {Columns} FROM deal_registrations WHERE vendor_id = @VendorId AND customer_key = @CustomerKey AND {NotRejected} ORDER BY sequence;");

    public static readonly SqlText Insert = SqlText.Portable("""
        INSERT INTO deal_registrations (id, sequence, vendor_id, registrant_partner_id, opportunity_id, customer_name, customer_key, scope,
            registered_at, protected_until, is_protected, conflicts_with_id, poaching, previous_hash, hash)
        VALUES (@Id, @Sequence, @VendorId, @RegistrantPartnerId, @OpportunityId, @CustomerName, @CustomerKey, @Scope,
            @RegisteredAt, @ProtectedUntil, @IsProtected, @ConflictsWithId, @Poaching, @PreviousHash, @Hash);
        """);

    public static readonly SqlText SelectProtectedOfOpportunity = SqlText.Portable($"""
        SELECT {Columns} FROM deal_registrations
        WHERE opportunity_id = @OpportunityId AND registrant_partner_id = @OwnerPartnerId AND is_protected = 1 AND {NotRejected} ORDER BY sequence;
        """);

    public static readonly SqlText SelectById = SqlText.Portable($"SELECT {Columns} FROM deal_registrations WHERE id = @Id;");

    public static readonly SqlText SelectOfRegistrant = SqlText.Portable(
        $"SELECT {Columns} FROM deal_registrations WHERE registrant_partner_id = @PartnerId ORDER BY sequence;");

    public static readonly SqlText SelectOfVendor = SqlText.Portable($"SELECT {Columns} FROM deal_registrations WHERE vendor_id = @VendorId ORDER BY sequence;");

    public static readonly SqlText SelectChain = SqlText.Portable($"SELECT {Columns} FROM deal_registrations ORDER BY sequence;");

    public static readonly SqlText SelectInvitedCustomers = SqlText.Portable("""
        SELECT o.customer_name AS CustomerName, o.owner_partner_id AS OwnerPartnerId FROM invitations i JOIN opportunities o ON o.id = i.opportunity_id
        WHERE i.invitee_partner_id = @PartnerId AND o.owner_partner_id <> @PartnerId;
        """);
}
