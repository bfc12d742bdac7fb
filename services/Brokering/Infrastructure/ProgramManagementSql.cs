using EcosystemMarket.Data;

namespace EcosystemMarket.Brokering.Infrastructure;

internal static class ProgramManagementSql
{
    public static readonly SqlText Select = SqlText.Portable("""
        SELECT vendor_id AS VendorId, category_modes AS CategoryModes, sla_response_hours AS SlaResponseHours, support_contact AS SupportContact,
            version AS Version, updated_at AS UpdatedAt
        FROM program_management WHERE vendor_id = @VendorId;
        """);

    /// <summary>The first settings of a program: two vendors' users saving at once insert one row; the other finds it and inserts nothing.</summary>
    public static readonly SqlText InsertUnlessExists = new(
        Sqlite: """
            INSERT INTO program_management (vendor_id, category_modes, sla_response_hours, support_contact, version, updated_at)
            SELECT @VendorId, @CategoryModes, @SlaResponseHours, @SupportContact, @Version, @UpdatedAt
            WHERE NOT EXISTS (SELECT 1 FROM program_management WHERE vendor_id = @VendorId);
            """,
        SqlServer: """
            INSERT INTO dbo.program_management (vendor_id, category_modes, sla_response_hours, support_contact, version, updated_at)
            SELECT @VendorId, @CategoryModes, @SlaResponseHours, @SupportContact, @Version, @UpdatedAt
            WHERE NOT EXISTS (SELECT 1 FROM dbo.program_management WITH (UPDLOCK, HOLDLOCK) WHERE vendor_id = @VendorId);
            """);

    public static readonly SqlText UpdateFromVersion = SqlText.Portable("""
        UPDATE program_management SET category_modes = @CategoryModes, sla_response_hours = @SlaResponseHours, support_contact = @SupportContact,
            version = @Version, updated_at = @UpdatedAt
        WHERE vendor_id = @VendorId AND version = @ExpectedVersion;
        """);

    /// <summary>The program's invitations made in [@From, @To) that carried an SLA, newest first.</summary>
    public static readonly SqlText SelectSlaInvitations = SqlText.Portable("""
        SELECT i.id AS Id, i.opportunity_id AS OpportunityId, i.invitee_partner_id AS InviteePartnerId, i.status AS Status, i.accept_by AS AcceptBy,
            i.created_at AS CreatedAt, i.responded_at AS RespondedAt, i.sla_due_at AS SlaDueAt
        FROM invitations AS i JOIN opportunities AS o ON o.id = i.opportunity_id
        WHERE o.vendor_id = @VendorId AND i.sla_due_at IS NOT NULL AND i.created_at >= @From AND i.created_at < @To
        ORDER BY i.created_at DESC;
        """);
}
