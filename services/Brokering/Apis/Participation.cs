using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Brokering.Apis;

/// <summary>The directory's answer on the partners of a request: refused (why), and their profiles as read.</summary>
internal sealed record ParticipantCheck(ProblemHttpResult? Refused, IReadOnlyDictionary<Guid, DirectoryProfile> Profiles)
{
    /// <summary>The partner's category; null when it is not in the directory.</summary>
    public string? CategoryOf(Guid partner) => Profiles.GetValueOrDefault(partner)?.Category;
}

/// <summary>
/// The directory's word on a request, asked before its unit of work begins (no network call holds a write lock):
/// a caller that is not a registered, active partner is refused (403); an invitee that is not one is refused (409);
/// needs name capability codes the taxonomy knows, or the answer is the directory's own 400 with suggestions.
/// </summary>
internal static class Participation
{
    public static async Task<ProblemHttpResult?> RefusedAsync(IPartnerDirectoryChecks directory, Guid actor, Guid? invitee, CancellationToken cancellationToken) =>
        (await CheckAsync(directory, actor, invitee, cancellationToken)).Refused;

    /// <summary>
    /// The standing check with the directory's profiles it read: one round trip answers both whether the partners take part
    /// and their categories (which the vendor program's management mode needs).
    /// </summary>
    public static async Task<ParticipantCheck> CheckAsync(IPartnerDirectoryChecks directory, Guid actor, Guid? invitee, CancellationToken cancellationToken)
    {
        var profiles = await directory.ProfilesAsync(invitee is { } asked ? [actor, asked] : [actor], cancellationToken);
        return new(RefusedMembers(actor, invitee is { } id ? [id] : [], profiles), profiles);
    }

    /// <summary>
    /// The terms of the opportunity's vendor program for an invitee of <paramref name="category"/>: its category's management
    /// mode decides them. None outside a program.
    /// </summary>
    public static async Task<Engagement?> EngagementAsync(ProgramManagementStore programs, Opportunity opportunity, string? category, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        opportunity.VendorId is { } vendor ? (await programs.GetAsync(vendor, cancellationToken)).Engage(category, now) : null;

    /// <summary>Errors for the needs whose codes the taxonomy does not know, keyed <c>needs[i].capability</c>.</summary>
    public static Task<ValidationErrors> UnknownNeedsAsync(IPartnerDirectoryChecks directory, IReadOnlyList<CapabilityNeed> needs, CancellationToken cancellationToken) =>
        UnknownAsync(directory, needs.Select(n => n.Capability).ToList(), i => $"needs[{i}].capability", cancellationToken);

    /// <summary>Errors for the codes the taxonomy does not know, keyed <c>field[i]</c>; no question asked for no codes.</summary>
    public static Task<ValidationErrors> UnknownCodesAsync(IPartnerDirectoryChecks directory, string field, IReadOnlyList<string> codes, CancellationToken cancellationToken) =>
        codes.Count == 0 ? Task.FromResult(new ValidationErrors()) : UnknownAsync(directory, codes, i => $"{field}[{i}]", cancellationToken);

    /// <summary>
    /// A proposer must take part (403) and every partner it asks must be registered and active (409), as for an invitee;
    /// <paramref name="profiles"/> are the directory's answer for all of them.
    /// </summary>
    public static ProblemHttpResult? RefusedMembers(Guid proposer, IEnumerable<Guid> members, IReadOnlyDictionary<Guid, DirectoryProfile> profiles)
    {
        PartnerStanding StandingOf(Guid id) => profiles.TryGetValue(id, out var p) ? p.Active ? PartnerStanding.Active : PartnerStanding.Deactivated : PartnerStanding.Unregistered;
        if (PartnerStandings.CanAct(proposer, StandingOf(proposer)) is { } refused)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: refused.Title, detail: refused.Detail, type: ProblemResults.RuleViolationType);
        }
        return members.Where(m => m != proposer).Select(m => PartnerStandings.CanBeInvited(m, StandingOf(m))).FirstOrDefault(v => v is not null) is { } notMember
            ? ProblemResults.Conflict(notMember)
            : null;
    }

    private static async Task<ValidationErrors> UnknownAsync(IPartnerDirectoryChecks directory, IReadOnlyList<string> codes, Func<int, string> field, CancellationToken cancellationToken)
    {
        var unknown = await directory.UnknownCapabilitiesAsync(codes.Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        var errors = new ValidationErrors();
        for (var i = 0; i < codes.Count; i++)
        {
            if (unknown.TryGetValue(codes[i], out var suggestions))
            {
                errors.AddUnknownCapability(field(i), codes[i], [.. suggestions]);
            }
        }
        return errors;
    }
}
