using EcosystemMarket.Data;

namespace EcosystemMarket.Brokering.Infrastructure;

internal static class OpportunitySql
{
    private const string OpportunityColumns = """
        id AS Id, owner_partner_id AS OwnerPartnerId, vendor_id AS VendorId, customer_name AS CustomerName, customer_contact AS CustomerContact,
        industry AS Industry, region AS Region, size AS Size, needs AS Needs, estimated_value AS EstimatedValue,
        currency AS Currency, close_date AS CloseDate, status AS Status, final_value AS FinalValue, auto_invite_next_best AS AutoInviteNextBest,
        created_at AS CreatedAt, updated_at AS UpdatedAt, posted_at AS PostedAt, version AS Version, blueprint_id AS BlueprintId,
        owner_management_mode AS OwnerManagementMode
        """;

    private const string InvitationColumns = """
        id AS Id, opportunity_id AS OpportunityId, owner_partner_id AS OwnerPartnerId, invitee_partner_id AS InviteePartnerId,
        role AS Role, reward_kind AS RewardKind, reward_percent AS RewardPercent, reward_amount AS RewardAmount, accept_by AS AcceptBy, status AS Status,
        decline_reason AS DeclineReason, created_at AS CreatedAt, responded_at AS RespondedAt, sla_due_at AS SlaDueAt,
        invitee_management_mode AS InviteeManagementMode
        """;

    public static readonly SqlText InsertOpportunity = SqlText.Portable("""
        INSERT INTO opportunities (id, owner_partner_id, vendor_id, customer_name, customer_contact, industry, region, size, needs,
            estimated_value, currency, close_date, status, final_value, auto_invite_next_best, created_at, updated_at, posted_at, version, blueprint_id,
            owner_management_mode)
        VALUES (@Id, @OwnerPartnerId, @VendorId, @CustomerName, @CustomerContact, @Industry, @Region, @Size, @Needs,
            @EstimatedValue, @Currency, @CloseDate, @Status, @FinalValue, @AutoInviteNextBest, @CreatedAt, @UpdatedAt, @PostedAt, @Version, @BlueprintId,
            @OwnerManagementMode);
        """);

    // Every save of the aggregate moves its version on, invitation-only changes included: two saves from one version
    // cannot both succeed, whichever rows they touch.
    public static readonly SqlText UpdateOpportunityFromVersion = SqlText.Portable("""
        UPDATE opportunities SET status = @Status, final_value = @FinalValue, updated_at = @UpdatedAt, posted_at = @PostedAt, version = version + 1
        WHERE id = @Id AND version = @Version;
        """);

    public static readonly SqlText SelectOpportunity = SqlText.Portable($"SELECT {OpportunityColumns} FROM opportunities WHERE id = @Id;");

    public static readonly SqlText SelectOpportunities = SqlText.Portable($"SELECT {OpportunityColumns} FROM opportunities WHERE id IN @Ids;");

    public static readonly SqlText PageOwned = new(
        Sqlite: $"""
            SELECT {OpportunityColumns} FROM opportunities
            WHERE owner_partner_id = @Owner AND (@AfterKey IS NULL OR created_at > @AfterKey OR (created_at = @AfterKey AND id > @AfterId))
            ORDER BY created_at, id LIMIT @Take;
            """,
        SqlServer: $"""
            SELECT TOP (@Take) {OpportunityColumns} FROM dbo.opportunities
            WHERE owner_partner_id = @Owner AND (@AfterKey IS NULL OR created_at > @AfterKey OR (created_at = @AfterKey AND id > @AfterId))
            ORDER BY created_at, id;
            """);

    public static readonly SqlText InsertInvitation = SqlText.Portable("""
        INSERT INTO invitations (id, opportunity_id, owner_partner_id, invitee_partner_id, role, reward_kind, reward_percent, reward_amount,
            accept_by, status, decline_reason, created_at, responded_at, sla_due_at, invitee_management_mode)
        VALUES (@Id, @OpportunityId, @OwnerPartnerId, @InviteePartnerId, @Role, @RewardKind, @RewardPercent, @RewardAmount,
            @AcceptBy, @Status, @DeclineReason, @CreatedAt, @RespondedAt, @SlaDueAt, @InviteeManagementMode);
        """);

    public static readonly SqlText UpdateInvitationFromStatus = SqlText.Portable(
        "UPDATE invitations SET status = @Status, decline_reason = @DeclineReason, responded_at = @RespondedAt WHERE id = @Id AND status = @StatusAsRead;");

    public static readonly SqlText SelectInvitation = SqlText.Portable($"SELECT {InvitationColumns} FROM invitations WHERE id = @Id;");

    public static readonly SqlText SelectInvitationsOf = SqlText.Portable(
        $"SELECT {InvitationColumns} FROM invitations WHERE opportunity_id = @OpportunityId ORDER BY created_at, id;");

    public static readonly SqlText SelectInvitationsOfMany = SqlText.Portable(
        $"SELECT {InvitationColumns} FROM invitations WHERE opportunity_id IN @Ids ORDER BY created_at, id;");

    public static readonly SqlText SelectOverdue = new(
        Sqlite: $"SELECT {InvitationColumns} FROM invitations WHERE status = 'Pending' AND accept_by < @Now ORDER BY accept_by LIMIT @Take;",
        SqlServer: $"SELECT TOP (@Take) {InvitationColumns} FROM dbo.invitations WHERE status = 'Pending' AND accept_by < @Now ORDER BY accept_by;");

    public static readonly SqlText PageReceived = new(
        Sqlite: $"""
            SELECT {InvitationColumns} FROM invitations
            WHERE invitee_partner_id = @Invitee AND (@AfterKey IS NULL OR created_at > @AfterKey OR (created_at = @AfterKey AND id > @AfterId))
            ORDER BY created_at, id LIMIT @Take;
            """,
        SqlServer: $"""
            SELECT TOP (@Take) {InvitationColumns} FROM dbo.invitations
            WHERE invitee_partner_id = @Invitee AND (@AfterKey IS NULL OR created_at > @AfterKey OR (created_at = @AfterKey AND id > @AfterId))
            ORDER BY created_at, id;
            """);

    // The program's opportunities a one-on-one partner owns or was invited to (by the modes stamped when they joined),
    // newest first; drafts are their owner's own. The cursor holds the last row's time and id.
    private const string OneOnOneOfVendor = """
        vendor_id = @VendorId AND status <> 'Draft'
            AND (owner_management_mode = 'one-on-one'
                OR EXISTS (SELECT 1 FROM invitations AS i WHERE i.opportunity_id = o.id AND i.invitee_management_mode = 'one-on-one'))
            AND (@AfterKey IS NULL OR created_at < @AfterKey OR (created_at = @AfterKey AND id < @AfterId))
        """;

    public static readonly SqlText PageOneOnOne = new(
        Sqlite: $"SELECT {OpportunityColumns} FROM opportunities AS o WHERE {OneOnOneOfVendor} ORDER BY created_at DESC, id DESC LIMIT @Take;",
        SqlServer: $"SELECT TOP (@Take) {OpportunityColumns} FROM dbo.opportunities AS o WHERE {OneOnOneOfVendor} ORDER BY created_at DESC, id DESC;");
}
