using EcosystemMarket.Data;

namespace EcosystemMarket.Matching.Infrastructure;

internal static class TrackRecordSql
{
    private const string FactColumns = """
        invitation_id AS InvitationId, opportunity_id AS OpportunityId, owner_partner_id AS OwnerPartnerId,
        invitee_partner_id AS InviteePartnerId, invited_at AS InvitedAt, responded_at AS RespondedAt, outcome AS Outcome
        """;

    // Events about one invitation may arrive in any order: each fills in what it knows and keeps the rest.
    public static readonly SqlText UpsertFact = new(
        Sqlite: """
            INSERT INTO invitation_facts (invitation_id, opportunity_id, owner_partner_id, invitee_partner_id, invited_at, responded_at, outcome)
            VALUES (@InvitationId, @OpportunityId, @OwnerPartnerId, @InviteePartnerId, @InvitedAt, @RespondedAt, @Outcome)
            ON CONFLICT (invitation_id) DO UPDATE SET
                invited_at = COALESCE(excluded.invited_at, invitation_facts.invited_at),
                responded_at = COALESCE(excluded.responded_at, invitation_facts.responded_at),
                outcome = CASE WHEN excluded.outcome = 'Pending' THEN invitation_facts.outcome ELSE excluded.outcome END;
            """,
        SqlServer: """
            MERGE dbo.invitation_facts WITH (HOLDLOCK) AS target
            USING (SELECT @InvitationId AS invitation_id) AS source ON target.invitation_id = source.invitation_id
            WHEN MATCHED THEN UPDATE SET
                invited_at = COALESCE(@InvitedAt, target.invited_at),
                responded_at = COALESCE(@RespondedAt, target.responded_at),
                outcome = CASE WHEN @Outcome = 'Pending' THEN target.outcome ELSE @Outcome END
            WHEN NOT MATCHED THEN
                INSERT (invitation_id, opportunity_id, owner_partner_id, invitee_partner_id, invited_at, responded_at, outcome)
                VALUES (@InvitationId, @OpportunityId, @OwnerPartnerId, @InviteePartnerId, @InvitedAt, @RespondedAt, @Outcome);
            """);

    public static readonly SqlText SelectFacts = SqlText.Portable($"SELECT {FactColumns} FROM invitation_facts;");

    public static readonly SqlText InsertWin = new(
        Sqlite: """
            INSERT INTO team_wins (opportunity_id, partner_id, owner_partner_id, won_at)
            VALUES (@OpportunityId, @PartnerId, @OwnerPartnerId, @WonAt)
            ON CONFLICT (opportunity_id, partner_id) DO NOTHING;
            """,
        SqlServer: """
            IF NOT EXISTS (SELECT 1 FROM dbo.team_wins WITH (UPDLOCK, HOLDLOCK) WHERE opportunity_id = @OpportunityId AND partner_id = @PartnerId)
                INSERT INTO dbo.team_wins (opportunity_id, partner_id, owner_partner_id, won_at)
                VALUES (@OpportunityId, @PartnerId, @OwnerPartnerId, @WonAt);
            """);

    public static readonly SqlText InsertConflict = new(
        Sqlite: """
            INSERT INTO deal_conflicts (registration_id, counterpart_partner_id, registrant_partner_id, detected_at)
            VALUES (@RegistrationId, @CounterpartPartnerId, @RegistrantPartnerId, @DetectedAt)
            ON CONFLICT (registration_id, counterpart_partner_id) DO NOTHING;
            """,
        SqlServer: """
            IF NOT EXISTS (SELECT 1 FROM dbo.deal_conflicts WITH (UPDLOCK, HOLDLOCK) WHERE registration_id = @RegistrationId AND counterpart_partner_id = @CounterpartPartnerId)
                INSERT INTO dbo.deal_conflicts (registration_id, counterpart_partner_id, registrant_partner_id, detected_at)
                VALUES (@RegistrationId, @CounterpartPartnerId, @RegistrantPartnerId, @DetectedAt);
            """);

    public static readonly SqlText SelectConflicts = SqlText.Portable("""
        SELECT registration_id AS RegistrationId, registrant_partner_id AS RegistrantPartnerId,
               counterpart_partner_id AS CounterpartPartnerId, detected_at AS DetectedAt
        FROM deal_conflicts;
        """);

    public static readonly SqlText SelectWins = SqlText.Portable(
        "SELECT opportunity_id AS OpportunityId, owner_partner_id AS OwnerPartnerId, partner_id AS PartnerId, won_at AS WonAt FROM team_wins;");
}
