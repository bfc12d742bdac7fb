using EcosystemMarket.Data;

namespace EcosystemMarket.Partners.Infrastructure.Notifications;

internal static class NotificationSql
{
    private const string Columns = """
        id AS Id, partner_id AS PartnerId, kind AS Kind, subject_id AS SubjectId, title AS Title, body AS Text, link AS Link,
        source_event_id AS SourceEventId, occurred_at AS OccurredAt, read_at AS ReadAt, sequence AS Sequence
        """;

    /// <summary>A partner is told of one kind of thing about one subject once (the unique index says so too).</summary>
    public static readonly SqlText InsertUnlessTold = SqlText.Portable("""
        INSERT INTO notifications (id, partner_id, kind, subject_id, title, body, link, source_event_id, occurred_at)
        SELECT @Id, @PartnerId, @Kind, @SubjectId, @Title, @Text, @Link, @SourceEventId, @OccurredAt
        WHERE NOT EXISTS (SELECT 1 FROM notifications WHERE partner_id = @PartnerId AND kind = @Kind AND subject_id = @SubjectId);
        """);

    public static readonly SqlText SelectPage = new(
        Sqlite: $"""
            SELECT {Columns} FROM notifications
            WHERE partner_id = @PartnerId AND (@UnreadOnly = 0 OR read_at IS NULL) AND (@Before IS NULL OR sequence < @Before)
            ORDER BY sequence DESC LIMIT @Take;
            """,
        SqlServer: $"""
            SELECT TOP (@Take) {Columns} FROM dbo.notifications
            WHERE partner_id = @PartnerId AND (@UnreadOnly = 0 OR read_at IS NULL) AND (@Before IS NULL OR sequence < @Before)
            ORDER BY sequence DESC;
            """);

    public static readonly SqlText SelectById = SqlText.Portable($"SELECT {Columns} FROM notifications WHERE id = @Id;");

    public static readonly SqlText CountUnread = SqlText.Portable("SELECT COUNT(*) FROM notifications WHERE partner_id = @PartnerId AND read_at IS NULL;");

    public static readonly SqlText MarkRead = SqlText.Portable("UPDATE notifications SET read_at = @Now WHERE id = @Id AND read_at IS NULL;");

    public static readonly SqlText MarkAllRead = SqlText.Portable("UPDATE notifications SET read_at = @Now WHERE partner_id = @PartnerId AND read_at IS NULL;");

    public static readonly SqlText TrackInvitation = SqlText.Portable("""
        INSERT INTO notification_invitations (invitation_id, opportunity_id, owner_partner_id, invitee_partner_id, accept_by, state)
        SELECT @InvitationId, @OpportunityId, @OwnerPartnerId, @InviteePartnerId, @AcceptBy, @State
        WHERE NOT EXISTS (SELECT 1 FROM notification_invitations WHERE invitation_id = @InvitationId);
        """);

    /// <summary>An answer that arrived before its invitation is kept; the invitation only adds its deadline.</summary>
    public static readonly SqlText SetDeadline = SqlText.Portable(
        "UPDATE notification_invitations SET accept_by = @AcceptBy WHERE invitation_id = @InvitationId AND accept_by IS NULL;");

    public static readonly SqlText Answer = SqlText.Portable(
        "UPDATE notification_invitations SET state = @State WHERE invitation_id = @InvitationId AND state = 'open';");

    public static readonly SqlText SelectTeam = SqlText.Portable(
        "SELECT invitee_partner_id FROM notification_invitations WHERE opportunity_id = @OpportunityId AND state = 'accepted';");

    public static readonly SqlText SelectDueReminders = new(
        Sqlite: """
            SELECT invitation_id AS InvitationId, opportunity_id AS OpportunityId, owner_partner_id AS OwnerPartnerId,
                   invitee_partner_id AS InviteePartnerId, accept_by AS AcceptBy, state AS State
            FROM notification_invitations
            WHERE state = 'open' AND reminded_at IS NULL AND accept_by > @Now AND accept_by <= @Until
            ORDER BY accept_by LIMIT @Take;
            """,
        SqlServer: """
            SELECT TOP (@Take) invitation_id AS InvitationId, opportunity_id AS OpportunityId, owner_partner_id AS OwnerPartnerId,
                   invitee_partner_id AS InviteePartnerId, accept_by AS AcceptBy, state AS State
            FROM dbo.notification_invitations
            WHERE state = 'open' AND reminded_at IS NULL AND accept_by > @Now AND accept_by <= @Until
            ORDER BY accept_by;
            """);

    /// <summary>Of two replicas sweeping at once, the one whose update changes the row sends the reminder.</summary>
    public static readonly SqlText MarkReminded = SqlText.Portable(
        "UPDATE notification_invitations SET reminded_at = @Now WHERE invitation_id = @InvitationId AND state = 'open' AND reminded_at IS NULL;");
}
