using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.Portal.Program;

namespace EcosystemMarket.Portal.Ecosystem;

/// <summary>
/// What the vendor decided in its program: the claims addressed to it by state, and its deal registrations' conflicts
/// by decision. Counted from the services' records (the claim queue and the registrations), as they are now.
/// </summary>
public sealed record ProgramActivity(IReadOnlyList<GroupCount> ClaimsByState, IReadOnlyList<GroupCount>? ConflictsByDecision)
{
    public static IReadOnlyList<GroupCount> CountClaims(long pending, long attested, long rejected) =>
        [new("pending", pending), new("attested", attested), new("rejected", rejected)];

    /// <summary>Registrations in conflict (not protected) by what the vendor decided; null when the caller may not read them.</summary>
    public static IReadOnlyList<GroupCount> CountConflicts(IReadOnlyList<ProgramRegistration> registrations)
    {
        var conflicts = registrations.Where(r => r.InConflict).ToList();
        return
        [
            new("waiting", conflicts.Count(r => r.Decision is null)),
            new("approved", conflicts.Count(r => r.Decision == "approved")),
            new("rejected", conflicts.Count(r => r.Decision == "rejected")),
        ];
    }
}
