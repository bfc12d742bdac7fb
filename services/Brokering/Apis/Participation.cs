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
    public static async Task<ValidationErrors> UnknownNeedsAsync(IPartnerDirectoryChecks directory, IReadOnlyList<CapabilityNeed> needs, CancellationToken cancellationToken)
    {
        var unknown = await directory.UnknownCapabilitiesAsync(needs.Select(n => n.Capability).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        var errors = new ValidationErrors();
        for (var i = 0; i < needs.Count; i++)
        {
            if (unknown.TryGetValue(needs[i].Capability, out var suggestions))
            {
                errors.AddUnknownCapability($"needs[{i}].capability", needs[i].Capability, [.. suggestions]);
            }
        }
        return errors;
    }
}
