namespace EcosystemMarket.Brokering.Model;

public sealed class InvitationOptions
{
    /// <summary>How long an invitee has to answer when the owner sets no accept-by time.</summary>
    public TimeSpan DefaultAcceptWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How often overdue invitations are looked for; an invitation expires at most this long after its deadline.</summary>
    public TimeSpan ExpiryScanInterval { get; set; } = TimeSpan.FromSeconds(30);
}
