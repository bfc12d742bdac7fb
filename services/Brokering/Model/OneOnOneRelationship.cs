namespace EcosystemMarket.Brokering.Model;

/// <summary>The two sides of a one-on-one relationship; each names its own owner.</summary>
public enum RelationshipSide
{
    Vendor,
    Partner,
}

/// <summary>
/// A one-on-one relationship between a vendor program and a partner: the person who owns it on each side, shown to both.
/// A side not named yet is null.
/// </summary>
public sealed record RelationshipOwners(string VendorId, Guid PartnerId, string? VendorOwner, string? PartnerOwner, DateTimeOffset? UpdatedAt)
{
    public const int MaxNameLength = 200;

    public static RelationshipOwners None(string vendorId, Guid partnerId) => new(vendorId, partnerId, null, null, null);

    /// <summary>
    /// Whether owners may be named for the program's relationship with <paramref name="partner"/> (null: not in the
    /// directory): only while the program manages the partner's category one-on-one.
    /// </summary>
    public static RuleViolation? CanName(ProgramManagement program, Guid partnerId, DirectoryProfile? partner)
    {
        if (partner is null)
        {
            return new("The partner is not registered.", $"Partner {partnerId} is not in the directory.");
        }
        var mode = program.ModeOf(partner.Category);
        return mode == ProgramManagement.OneOnOne
            ? null
            : new("Not a one-on-one relationship.",
                $"{program.VendorId} manages '{partner.Category}' partners as '{mode}'; relationship owners are named only for partners it manages one-on-one.");
    }
}

/// <summary>How a one-on-one partner takes part in a program opportunity: as its owner, or as an invitee (with its invitation's status).</summary>
public sealed record OneOnOneParticipant(Guid PartnerId, bool Owner, InvitationStatus? InvitationStatus);

public static class OneOnOneParticipants
{
    /// <summary>
    /// The partners of an opportunity that joined it as one-on-one partners of its program, by the modes stamped when they
    /// joined (owner at posting, invitees at invitation): a later change of the program's modes does not rewrite them.
    /// </summary>
    public static IReadOnlyList<OneOnOneParticipant> Of(Opportunity opportunity, IEnumerable<Invitation> invitations) =>
    [
        .. opportunity.OwnerManagementMode == ProgramManagement.OneOnOne ? [new OneOnOneParticipant(opportunity.OwnerPartnerId, true, null)] : Array.Empty<OneOnOneParticipant>(),
        .. invitations.Where(i => i.ManagementMode == ProgramManagement.OneOnOne)
            .Select(i => new OneOnOneParticipant(i.InviteePartnerId, false, i.Status)),
    ];
}
