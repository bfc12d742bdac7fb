namespace EcosystemMarket.Brokering.Model;

/// <summary>Where a partner stands in the directory: only registered, active partners take part in deals.</summary>
public enum PartnerStanding
{
    Unregistered,
    Active,
    Deactivated,
}

public static class PartnerStandings
{
    /// <summary>Whether a partner may post, invite, answer or register deals; a violation says why not.</summary>
    public static RuleViolation? CanAct(Guid partnerId, PartnerStanding standing) => standing switch
    {
        PartnerStanding.Active => null,
        PartnerStanding.Deactivated => new("The partner is deactivated.", $"Partner {partnerId} is deactivated and takes part in no new deals."),
        _ => new("The partner is not registered.", $"Partner {partnerId} has no profile in the directory; register it first (POST /api/partners)."),
    };

    /// <summary>Whether a partner may be invited: registered and active.</summary>
    public static RuleViolation? CanBeInvited(Guid partnerId, PartnerStanding standing) => standing switch
    {
        PartnerStanding.Active => null,
        PartnerStanding.Deactivated => new("The invitee is deactivated.", $"Partner {partnerId} is deactivated and cannot be invited."),
        _ => new("The invitee is not a registered partner.", $"Partner {partnerId} is not in the directory; invite registered partners only."),
    };
}
