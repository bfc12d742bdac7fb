using EcosystemMarket.Data;

namespace EcosystemMarket.Brokering.Infrastructure;

internal static class VendorDecisionSql
{
    private const string Columns = "registration_id AS RegistrationId, vendor_id AS VendorId, decision AS Decision, reason AS Reason, decided_at AS DecidedAt";

    public static readonly SqlText Insert = SqlText.Portable("""
        INSERT INTO deal_registration_decisions (registration_id, vendor_id, decision, reason, decided_at)
        VALUES (@RegistrationId, @VendorId, @Decision, @Reason, @DecidedAt);
        """);

    public static readonly SqlText SelectOf = SqlText.Portable($"SELECT {Columns} FROM deal_registration_decisions WHERE registration_id = @RegistrationId;");

    public static readonly SqlText SelectOfVendor = SqlText.Portable($"SELECT {Columns} FROM deal_registration_decisions WHERE vendor_id = @VendorId;");

    public static readonly SqlText SelectOfRegistrant = SqlText.Portable($"""
        SELECT {Columns} FROM deal_registration_decisions
        WHERE registration_id IN (SELECT id FROM deal_registrations WHERE registrant_partner_id = @PartnerId);
        """);
}
