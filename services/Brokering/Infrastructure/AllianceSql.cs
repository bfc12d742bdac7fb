using EcosystemMarket.Data;

namespace EcosystemMarket.Brokering.Infrastructure;

internal static class AllianceSql
{
    private const string AllianceColumns = """
        a.id AS Id, a.name AS Name, a.proposed_by AS ProposedBy, a.scope AS Scope, a.sharing_level AS SharingLevel, a.state AS State,
        a.created_at AS CreatedAt, a.updated_at AS UpdatedAt, a.version AS Version
        """;

    private const string MemberColumns = "alliance_id AS AllianceId, partner_id AS PartnerId, status AS Status, answered_at AS AnsweredAt";

    private const string SharedColumns = "opportunity_id AS OpportunityId, owner_partner_id AS OwnerPartnerId, shared_at AS SharedAt";

    public static readonly SqlText InsertAlliance = SqlText.Portable("""
        INSERT INTO alliances (id, name, proposed_by, scope, sharing_level, state, created_at, updated_at, version)
        VALUES (@Id, @Name, @ProposedBy, @Scope, @SharingLevel, @State, @CreatedAt, @UpdatedAt, @Version);
        """);

    public static readonly SqlText UpdateAllianceFromVersion = SqlText.Portable("""
        UPDATE alliances SET state = @State, updated_at = @UpdatedAt, version = version + 1 WHERE id = @Id AND version = @Version;
        """);

    public static readonly SqlText InsertMember = SqlText.Portable("""
        INSERT INTO alliance_members (alliance_id, partner_id, status, answered_at) VALUES (@AllianceId, @PartnerId, @Status, @AnsweredAt);
        """);

    public static readonly SqlText UpdateMember = SqlText.Portable("""
        UPDATE alliance_members SET status = @Status, answered_at = @AnsweredAt WHERE alliance_id = @AllianceId AND partner_id = @PartnerId;
        """);

    public static readonly SqlText InsertShared = SqlText.Portable("""
        INSERT INTO alliance_shared_opportunities (alliance_id, opportunity_id, owner_partner_id, shared_at)
        VALUES (@AllianceId, @OpportunityId, @OwnerPartnerId, @SharedAt);
        """);

    public static readonly SqlText DeleteShared = SqlText.Portable(
        "DELETE FROM alliance_shared_opportunities WHERE alliance_id = @AllianceId AND opportunity_id = @OpportunityId;");

    public static readonly SqlText SelectAlliance = SqlText.Portable($"SELECT {AllianceColumns} FROM alliances AS a WHERE a.id = @Id;");

    public static readonly SqlText SelectMembersOf = SqlText.Portable(
        $"SELECT {MemberColumns} FROM alliance_members WHERE alliance_id = @AllianceId ORDER BY answered_at, partner_id;");

    public static readonly SqlText SelectMembersOfMany = SqlText.Portable(
        $"SELECT {MemberColumns} FROM alliance_members WHERE alliance_id IN @Ids ORDER BY answered_at, partner_id;");

    public static readonly SqlText SelectSharedOf = SqlText.Portable(
        $"SELECT {SharedColumns} FROM alliance_shared_opportunities WHERE alliance_id = @AllianceId ORDER BY shared_at, opportunity_id;");

    public static readonly SqlText SelectAlliancesSharing = SqlText.Portable(
        "SELECT alliance_id FROM alliance_shared_opportunities WHERE opportunity_id = @OpportunityId ORDER BY alliance_id;");

    /// <summary>The alliances in force in which the partner takes part: where its allies come from.</summary>
    public static readonly SqlText SelectInForceOf = SqlText.Portable($"""
        SELECT {AllianceColumns} FROM alliances AS a
        WHERE a.state = 'InForce' AND EXISTS (
            SELECT 1 FROM alliance_members AS m WHERE m.alliance_id = a.id AND m.partner_id = @Partner AND m.status = 'Accepted');
        """);

    public static readonly SqlText PageOfPartner = new(
        Sqlite: $"""
            SELECT {AllianceColumns} FROM alliances AS a
            WHERE EXISTS (SELECT 1 FROM alliance_members AS m WHERE m.alliance_id = a.id AND m.partner_id = @Partner)
                AND (@AfterKey IS NULL OR a.created_at > @AfterKey OR (a.created_at = @AfterKey AND a.id > @AfterId))
            ORDER BY a.created_at, a.id LIMIT @Take;
            """,
        SqlServer: $"""
            SELECT TOP (@Take) {AllianceColumns} FROM dbo.alliances AS a
            WHERE EXISTS (SELECT 1 FROM dbo.alliance_members AS m WHERE m.alliance_id = a.id AND m.partner_id = @Partner)
                AND (@AfterKey IS NULL OR a.created_at > @AfterKey OR (a.created_at = @AfterKey AND a.id > @AfterId))
            ORDER BY a.created_at, a.id;
            """);

    public static readonly SqlText PageShared = new(
        Sqlite: $"""
            SELECT {SharedColumns} FROM alliance_shared_opportunities
            WHERE alliance_id = @AllianceId AND (@AfterKey IS NULL OR shared_at > @AfterKey OR (shared_at = @AfterKey AND opportunity_id > @AfterId))
            ORDER BY shared_at, opportunity_id LIMIT @Take;
            """,
        SqlServer: $"""
            SELECT TOP (@Take) {SharedColumns} FROM dbo.alliance_shared_opportunities
            WHERE alliance_id = @AllianceId AND (@AfterKey IS NULL OR shared_at > @AfterKey OR (shared_at = @AfterKey AND opportunity_id > @AfterId))
            ORDER BY shared_at, opportunity_id;
            """);
}
