namespace EcosystemMarket.Portal.Program;

/// <summary>A member of a program: a partner whose membership the vendor attested, with its tier there.</summary>
/// <param name="Tier">The tier the vendor attested, else the one claimed and still waiting (<see cref="TierAttested"/> false), else null.</param>
public sealed record ProgramMember(Guid PartnerId, string Name, string? Tier, bool TierAttested, int Certifications, DateTimeOffset MemberSince);

public static class ProgramMembers
{
    /// <summary>
    /// The members, by name, from the claims addressed to the vendor: the directory keeps a partner's memberships as
    /// claims its vendors attest, and the vendor's claim queue lists them by state, so the attested membership claims
    /// are exactly the program's members.
    /// </summary>
    public static IReadOnlyList<ProgramMember> Of(IReadOnlyList<ProgramClaim> attested, IReadOnlyList<ProgramClaim> pending)
    {
        var tierClaimed = pending.Where(c => c.Kind == ClaimKind.Tier).GroupBy(c => c.PartnerId).ToDictionary(g => g.Key, g => g.First().Tier);
        var byPartner = attested.ToLookup(c => c.PartnerId);
        return attested.Where(c => c.Kind == ClaimKind.Membership)
            .DistinctBy(c => c.PartnerId)
            .Select(m =>
            {
                var own = byPartner[m.PartnerId].ToList();
                var tier = own.Where(c => c.Kind == ClaimKind.Tier).OrderByDescending(c => c.DecidedAt).FirstOrDefault()?.Tier;
                return new ProgramMember(m.PartnerId, m.PartnerName, tier ?? tierClaimed.GetValueOrDefault(m.PartnerId), tier is not null,
                    own.Count(c => c.Kind == ClaimKind.Certification), m.DecidedAt ?? m.ClaimedAt);
            })
            .OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.PartnerId)
            .ToList();
    }
}
