using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Partners.Model;

/// <summary>
/// How complete a profile is for search and matching: the fields every profile must have count as one step, and each
/// thing that makes a partner easier to find and trust (verticals, specializations, a vendor program, an attested claim,
/// a valid certification, a solution, evidence behind every capability) as one more. Percent is the share of steps done.
/// </summary>
public sealed record ProfileCompleteness(int Percent, IReadOnlyList<string> Missing)
{
    public static ProfileCompleteness Of(Partner partner, DateOnly today)
    {
        var unbacked = partner.Capabilities
            .Where(c => CapabilityEvidence.For(c.Code, partner.Certifications, partner.Solutions, today) is { Certifications.Count: 0, Solutions.Count: 0 })
            .Select(c => c.Code)
            .ToList();
        (bool Done, string Missing)[] steps =
        [
            (partner.Verticals.Count > 0, "no vertical yet"),
            (partner.Specializations.Count > 0, "no specialization yet"),
            (partner.ProgramMemberships.Count > 0, "no vendor program yet"),
            (partner.Claims.Any(c => c.IsAttested), "no claim attested by a vendor yet"),
            (partner.Certifications.Any(c => c.IsValidOn(today)), partner.Certifications.Count == 0 ? "no certification yet" : "no valid certification"),
            (partner.Solutions.Count > 0, "no solution yet"),
            (unbacked.Count == 0, $"no certification or solution backs {string.Join(", ", unbacked)}"),
        ];
        var done = 1 + steps.Count(s => s.Done);
        return new(done * 100 / (steps.Length + 1), steps.Where(s => !s.Done).Select(s => s.Missing).ToList());
    }
}
