using EcosystemMarket.Contracts;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.ServiceDefaults.Problems;

namespace EcosystemMarket.Brokering.Model;

/// <summary>
/// How a vendor manages each category of partner in its program. The mode changes what Brokering does with the
/// program's opportunities:
/// <list type="bullet">
/// <item><c>formal-program</c> (the default): tiers, rewards and deal registration, as everywhere else;</item>
/// <item><c>formal-support</c>: policies and a support contact the vendor publishes; deals as in a formal program, but no tier rewards;</item>
/// <item><c>one-on-one</c>: a relationship with a named owner on each side; the vendor sees every deal of such a partner in its program;</item>
/// <item><c>sla</c>: an invitation to such a partner must be answered within the response time, or it is a breach the vendor sees;</item>
/// <item><c>marketing-pr</c>: influencers, tracked for their influence, never invited to the program's deals (so never paid deal rewards).</item>
/// </list>
/// A participant's mode is stamped when it joins a deal (<see cref="Opportunity.OwnerManagementMode"/>,
/// <see cref="Invitation.ManagementMode"/>): a change of modes applies to new deals only.
/// </summary>
public sealed record ProgramManagement(string VendorId, IReadOnlyDictionary<string, string> CategoryModes, int SlaResponseHours, string? SupportContact,
    long Version, DateTimeOffset UpdatedAt)
{
    public const string FormalProgram = ManagementModes.FormalProgram;
    public const string FormalSupport = ManagementModes.FormalSupport;
    public const string OneOnOne = ManagementModes.OneOnOne;
    public const string Sla = ManagementModes.Sla;
    public const string MarketingPr = ManagementModes.MarketingPr;

    public static readonly IReadOnlyList<string> Modes = ManagementModes.All;

    /// <summary>How a program without settings manages everyone.</summary>
    public static ProgramManagement Default(string vendorId) => new(vendorId, new Dictionary<string, string>(), 48, null, 0, default);

    public string ModeOf(string? category) => category is not null && CategoryModes.TryGetValue(category, out var mode) ? mode : FormalProgram;

    /// <summary>
    /// What inviting a partner of <paramref name="category"/> to one of the program's deals means: refused for influencers,
    /// else an invitation made under the category's mode, to be answered by the SLA's time when it is managed by SLA.
    /// </summary>
    public Engagement Engage(string? category, DateTimeOffset now) => ModeOf(category) switch
    {
        MarketingPr => new(new RuleViolation("Influencers are not invited to deals.",
            $"{VendorId} manages '{category}' partners through marketing and PR: their influence is tracked, they are never invited to the program's deals or paid deal rewards."),
            null, MarketingPr),
        Sla => new(null, now.AddHours(SlaResponseHours), Sla),
        var mode => new(null, null, mode),
    };
}

/// <summary>
/// An invitation's terms under a program's management: refused, or made under <see cref="Mode"/> (stamped on the invitation)
/// and due for an answer by <see cref="SlaDueAt"/> (null: no SLA).
/// </summary>
public sealed record Engagement(RuleViolation? Refused, DateTimeOffset? SlaDueAt, string Mode);

/// <summary>What a vendor sends to set how its program manages each partner category.</summary>
public sealed record ProgramManagementRequest(IReadOnlyDictionary<string, string?>? CategoryModes, int? SlaResponseHours, string? SupportContact)
{
    public const int MaxSlaHours = 24 * 30;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        foreach (var (category, mode) in CategoryModes ?? new Dictionary<string, string?>())
        {
            var path = $"categoryModes.{category}";
            // Categories are Partners' vocabulary; a well-formed one Brokering does not know simply matches no partner.
            if (!CodeFormats.IsVendor(category))
            {
                errors.Add(path, $"'{category}' must be a partner category such as 'isv' or 'consulting-deployment'.");
            }
            if (mode is null || !ProgramManagement.Modes.Contains(mode))
            {
                errors.Add(path, $"'{path}' must be one of: {string.Join(", ", ProgramManagement.Modes)}.");
            }
        }
        if (SlaResponseHours is not null and not (>= 1 and <= MaxSlaHours))
        {
            errors.Add("slaResponseHours", $"'slaResponseHours' must be between 1 and {MaxSlaHours}.");
        }
        if (SupportContact?.Length > 200)
        {
            errors.Add("supportContact", "'supportContact' must be at most 200 characters.");
        }
        return errors;
    }

    public ProgramManagement ApplyTo(ProgramManagement current, DateTimeOffset now) => current with
    {
        CategoryModes = (CategoryModes ?? new Dictionary<string, string?>())
            .Where(m => m.Value is not null && m.Value != ProgramManagement.FormalProgram)
            .OrderBy(m => m.Key, StringComparer.Ordinal)
            .ToDictionary(m => m.Key, m => m.Value!, StringComparer.Ordinal),
        SlaResponseHours = SlaResponseHours ?? current.SlaResponseHours,
        SupportContact = string.IsNullOrWhiteSpace(SupportContact) ? null : SupportContact.Trim(),
        Version = current.Version + 1,
        UpdatedAt = now,
    };
}

/// <summary>An invitation made under a program's SLA, as its judgement needs it.</summary>
public sealed record SlaInvitation(Guid Id, Guid OpportunityId, Guid PartnerId, InvitationStatus Status, DateTimeOffset InvitedAt, DateTimeOffset AcceptBy,
    DateTimeOffset? RespondedAt, DateTimeOffset DueAt)
{
    /// <summary>
    /// How late its answer was: answered after the due time, or still unanswered past it (an expired invitation was as
    /// late as its accept-by time). Null when answered in time or not yet due.
    /// </summary>
    public TimeSpan? LateBy(DateTimeOffset now)
    {
        var answered = RespondedAt ?? (Status == InvitationStatus.Pending ? now : AcceptBy);
        return answered > DueAt ? answered - DueAt : null;
    }
}

/// <summary>An SLA breach: derived from the invitation itself, so nothing else must be kept in step with it.</summary>
public sealed record SlaBreach(Guid InvitationId, Guid OpportunityId, Guid PartnerId, DateTimeOffset InvitedAt, DateTimeOffset DueAt, DateTimeOffset? AnsweredAt,
    TimeSpan Late);

public sealed record PartnerBreaches(Guid PartnerId, int Invitations, int Breaches);

/// <summary>How the partners a program manages by SLA answered the invitations of a period: the vendor's view of its SLA.</summary>
public sealed record SlaReport(string VendorId, int ResponseHours, DateOnly From, DateOnly To, int Invitations, int AnsweredInTime, int Breaches,
    IReadOnlyList<PartnerBreaches> ByPartner, IReadOnlyList<SlaBreach> Items)
{
    public const int MaxItems = 200;

    public static SlaReport Of(ProgramManagement management, ServiceDefaults.ReportingPeriod period, IReadOnlyList<SlaInvitation> invitations, DateTimeOffset now)
    {
        var judged = invitations.Select(i => (Invitation: i, Late: i.LateBy(now))).ToList();
        var breaches = judged.Where(j => j.Late is not null)
            .Select(j => new SlaBreach(j.Invitation.Id, j.Invitation.OpportunityId, j.Invitation.PartnerId, j.Invitation.InvitedAt, j.Invitation.DueAt,
                j.Invitation.RespondedAt, j.Late!.Value))
            .OrderByDescending(b => b.InvitedAt).ToList();
        var byPartner = judged.GroupBy(j => j.Invitation.PartnerId)
            .Select(g => new PartnerBreaches(g.Key, g.Count(), g.Count(j => j.Late is not null)))
            .Where(p => p.Breaches > 0)
            .OrderByDescending(p => p.Breaches).ThenBy(p => p.PartnerId).ToList();
        return new SlaReport(management.VendorId, management.SlaResponseHours, period.From, period.To, invitations.Count,
            judged.Count(j => j.Invitation.RespondedAt is not null && j.Late is null), breaches.Count, byPartner, breaches.Take(MaxItems).ToList());
    }
}
