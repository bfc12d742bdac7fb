using System.Collections.Frozen;
using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Matching.Model;

/// <summary>
/// A partner as the index holds it, shaped for ranking: every capability key (each advertised code and
/// each of its ancestors, since a storage.backup specialist also answers a need for storage) maps to the
/// best proficiency and to the certifications that attest it, so scoring a candidate is a few lookups.
/// </summary>
public sealed class IndexedPartner
{
    private static readonly FrozenDictionary<string, int> TierPoints =
        new Dictionary<string, int> { ["registered"] = 0, ["ready"] = 3, ["advanced"] = 6, ["premier"] = 10 }.ToFrozenDictionary();

    private IndexedPartner(PartnerSnapshot snapshot, FrozenDictionary<string, byte> levels, FrozenDictionary<string, CertificationSnapshot[]> certifications)
    {
        Snapshot = snapshot;
        Levels = levels;
        CertificationsByKey = certifications;
        Regions = snapshot.Regions.ToFrozenSet(StringComparer.Ordinal);
        Verticals = snapshot.Verticals.ToFrozenSet(StringComparer.Ordinal);
        ProgramMemberships = snapshot.ProgramMemberships.ToFrozenSet(StringComparer.Ordinal);
    }

    public PartnerSnapshot Snapshot { get; }
    public Guid Id => Snapshot.PartnerId;
    public string Name => Snapshot.Name;
    public string Tier => Snapshot.Tier;
    public bool Active => Snapshot.Active;
    public long Version => Snapshot.Version;
    public int TierScore => TierPoints.GetValueOrDefault(Snapshot.Tier);
    public FrozenSet<string> Regions { get; }
    public FrozenSet<string> Verticals { get; }
    public FrozenSet<string> ProgramMemberships { get; }

    /// <summary>Capability key → best proficiency level (1–4) among the codes at or below it.</summary>
    public FrozenDictionary<string, byte> Levels { get; }

    /// <summary>Capability key → certifications attesting it or a code below it (validity judged at query time).</summary>
    public FrozenDictionary<string, CertificationSnapshot[]> CertificationsByKey { get; }

    public IEnumerable<string> Keys => Levels.Keys;

    public byte LevelFor(string need) => Levels.GetValueOrDefault(need);

    public static IndexedPartner From(PartnerSnapshot snapshot)
    {
        var levels = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var capability in snapshot.Capabilities)
        {
            var level = Proficiency.Level(capability.Proficiency);
            foreach (var key in SelfAndAncestors(capability.Code))
            {
                levels[key] = Math.Max(levels.GetValueOrDefault(key), level);
            }
        }

        var certifications = new Dictionary<string, List<CertificationSnapshot>>(StringComparer.Ordinal);
        foreach (var certification in snapshot.Certifications)
        {
            foreach (var key in certification.Capabilities.SelectMany(SelfAndAncestors).Distinct(StringComparer.Ordinal))
            {
                if (!certifications.TryGetValue(key, out var list))
                {
                    certifications[key] = list = [];
                }
                list.Add(certification);
            }
        }
        return new IndexedPartner(snapshot, levels.ToFrozenDictionary(StringComparer.Ordinal),
            certifications.ToFrozenDictionary(c => c.Key, c => c.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary><c>storage.backup.cloud</c> → <c>storage.backup.cloud</c>, <c>storage.backup</c>, <c>storage</c>.</summary>
    public static IEnumerable<string> SelfAndAncestors(string code)
    {
        yield return code;
        for (var dot = code.LastIndexOf('.'); dot > 0; dot = code.LastIndexOf('.', dot - 1))
        {
            yield return code[..dot];
        }
    }
}
