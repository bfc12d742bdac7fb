using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Matching.Model;

/// <summary>
/// A partner as the index holds it, shaped for ranking: every capability key (each advertised code and
/// each of its ancestors, since a storage.backup specialist also answers a need for storage) with the
/// best proficiency and the certifications that attest it. Keys are kept sorted in flat arrays rather
/// than in a dictionary per partner: a hundred thousand partners build in a fraction of the time and memory,
/// and the hot path of a query reads the index's posting lists, not these.
/// </summary>
public sealed class IndexedPartner
{
    private readonly string[] _keys;
    private readonly byte[] _levels;
    private readonly CertificationSnapshot[][]? _certifications;

    private IndexedPartner(PartnerSnapshot snapshot, string[] keys, byte[] levels, CertificationSnapshot[][]? certifications)
    {
        Snapshot = snapshot;
        _keys = keys;
        _levels = levels;
        _certifications = certifications;
    }

    public PartnerSnapshot Snapshot { get; }
    public Guid Id => Snapshot.PartnerId;
    public string Name => Snapshot.Name;
    public string Tier => Snapshot.Tier;
    public bool Active => Snapshot.Active;
    public long Version => Snapshot.Version;
    public int TierScore => TierPoints(Snapshot.Tier);
    public IReadOnlyList<string> Regions => Snapshot.Regions;
    public IReadOnlyList<string> Verticals => Snapshot.Verticals;
    public IReadOnlyList<string> ProgramMemberships => Snapshot.ProgramMemberships;

    /// <summary>Capability keys, in ordinal order.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>The best proficiency level (1–4) among the codes at or below <paramref name="key"/>; 0 when none.</summary>
    public byte LevelFor(string key) => Array.BinarySearch(_keys, key, StringComparer.Ordinal) is var at and >= 0 ? _levels[at] : (byte)0;

    /// <summary>The certifications attesting <paramref name="key"/> or a code below it (validity judged at query time).</summary>
    public ReadOnlySpan<CertificationSnapshot> CertificationsFor(string key) =>
        _certifications is not null && Array.BinarySearch(_keys, key, StringComparer.Ordinal) is var at and >= 0 ? _certifications[at] : [];

    /// <summary>
    /// What the index's posting list keeps for the key at <paramref name="position"/> in <see cref="Keys"/>:
    /// the level in the low three bits, the number of distinct certifying vendors (at most 4) above them.
    /// </summary>
    internal byte PostingEntry(int position) => (byte)(_levels[position] | Math.Min(VendorCount(_certifications?[position] ?? []), 4) << 3);

    public static int TierPoints(string tier) => tier switch
    {
        "ready" => 3,
        "advanced" => 6,
        "premier" => 10,
        _ => 0,
    };

    /// <param name="canonical">
    /// Maps each key to one shared string instance, so that a hundred thousand partners hold one "storage";
    /// it receives the key as characters, so ancestors need no string of their own until they are new.
    /// </param>
    public static IndexedPartner From(PartnerSnapshot snapshot, Func<ReadOnlySpan<char>, string>? canonical = null)
    {
        canonical ??= static key => key.ToString();
        var found = new List<(string Key, byte Level)>(snapshot.Capabilities.Count * 3);
        foreach (var capability in snapshot.Capabilities)
        {
            var level = Proficiency.Level(capability.Proficiency);
            var code = capability.Code.AsSpan();
            for (var end = code.Length; end > 0; end = code[..end].LastIndexOf('.'))
            {
                found.Add((canonical(code[..end]), level));
            }
        }
        found.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));

        // Each key once, with the best level among the codes at or below it.
        var keys = new List<string>(found.Count);
        var levels = new List<byte>(found.Count);
        foreach (var (key, level) in found)
        {
            if (keys.Count > 0 && string.Equals(keys[^1], key, StringComparison.Ordinal))
            {
                levels[^1] = Math.Max(levels[^1], level);
            }
            else
            {
                keys.Add(key);
                levels.Add(level);
            }
        }
        var keyArray = keys.ToArray();
        return new IndexedPartner(snapshot, keyArray, [.. levels], Certifications(snapshot.Certifications, keyArray));
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

    /// <summary>
    /// Only keys the partner advertises are kept: ranking looks certifications up for covered needs alone. Only
    /// certifications their vendor attested are kept: one the partner merely claims earns no points and is no reason.
    /// </summary>
    private static CertificationSnapshot[][]? Certifications(IReadOnlyList<CertificationSnapshot> certifications, string[] keys)
    {
        if (!certifications.Any(c => c.Attested))
        {
            return null;
        }
        var byKey = new List<CertificationSnapshot>?[keys.Length];
        var attested = new List<int>();
        foreach (var certification in certifications.Where(c => c.Attested))
        {
            attested.Clear();
            foreach (var code in certification.Capabilities)
            {
                var span = code.AsSpan();
                for (var end = span.Length; end > 0; end = span[..end].LastIndexOf('.'))
                {
                    if (Find(keys, span[..end]) is var at and >= 0 && !attested.Contains(at))
                    {
                        attested.Add(at);
                        (byKey[at] ??= []).Add(certification);
                    }
                }
            }
        }
        var result = new CertificationSnapshot[keys.Length][];
        for (var i = 0; i < keys.Length; i++)
        {
            result[i] = byKey[i]?.ToArray() ?? [];
        }
        return result;
    }

    /// <summary>Binary search of ordinally sorted keys for a key given as characters.</summary>
    private static int Find(string[] keys, ReadOnlySpan<char> key)
    {
        var (low, high) = (0, keys.Length - 1);
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            var order = keys[middle].AsSpan().SequenceCompareTo(key);
            if (order == 0)
            {
                return middle;
            }
            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }
        return -1;
    }

    private static int VendorCount(CertificationSnapshot[] certifications)
    {
        var count = 0;
        for (var i = 0; i < certifications.Length; i++)
        {
            var seen = false;
            for (var j = 0; j < i && !seen; j++)
            {
                seen = string.Equals(certifications[i].Vendor, certifications[j].Vendor, StringComparison.OrdinalIgnoreCase);
            }
            count += seen ? 0 : 1;
        }
        return count;
    }
}
