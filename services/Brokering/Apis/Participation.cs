using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Brokering.Apis;

/// <summary>
/// The directory's word on a request, asked before its unit of work begins (no network call holds a write lock):
/// a caller that is not a registered, active partner is refused (403); an invitee that is not one is refused (409);
/// needs name capability codes the taxonomy knows, or the answer is the directory's own 400 with suggestions.
/// </summary>
internal static class Participation
{
    public static async Task<ProblemHttpResult?> RefusedAsync(IPartnerDirectoryChecks directory, Guid actor, Guid? invitee, CancellationToken cancellationToken)
    {
        var standings = await directory.StandingsAsync(invitee is { } asked ? [actor, asked] : [actor], cancellationToken);
        if (PartnerStandings.CanAct(actor, standings[actor]) is { } refused)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: refused.Title, detail: refused.Detail, type: ProblemResults.RuleViolationType);
        }
        return invitee is { } id && PartnerStandings.CanBeInvited(id, standings[id]) is { } notInvitable ? ProblemResults.Conflict(notInvitable) : null;
    }

    /// <summary>
    /// The terms of the opportunity's vendor program for this invitee: its category's management mode decides them. The
    /// directory is asked for the category only when the program manages some category other than as a formal program.
    /// </summary>
    public static async Task<Engagement?> EngagementAsync(IPartnerDirectoryChecks directory, ProgramManagementStore programs, Opportunity opportunity, Guid invitee,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (opportunity.VendorId is not { } vendor || await programs.GetAsync(vendor, cancellationToken) is not { CategoryModes.Count: > 0 } management)
        {
            return null;
        }
        return management.Engage(await directory.CategoryAsync(invitee, cancellationToken), now);
    }

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
