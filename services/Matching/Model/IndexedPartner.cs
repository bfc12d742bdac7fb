using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Matching.Model;

/// <summary>
/// A partner as the index holds it, shaped for ranking: every capability key (each advertised code and
/// each of its ancestors, since a storage.backup specialist also answers a need for storage) with the
/// best proficiency and the certifications that attest it. Keys are kept sorted in flat arrays rather
/// than in a dictionary per partner: a hundred thousand partners build in a fraction of the time and memory,
/// and the hot path of a query reads the index's posting lists, not these.
/// </summary>
/// <remarks>
/// Only what ranking and its explanations read is kept, not the <see cref="PartnerSnapshot"/> it came from: at a
/// million partners the snapshots as received (deserialized from JSON) took 3.2 GB, every capability, certification,
/// solution and claim its own objects and strings. Tiers, regions, verticals, programs, vendors and keys come from the
/// index's <see cref="Vocabulary"/>; of a certification only its vendor and dates, which are all ranking reads.
/// </remarks>
public sealed class IndexedPartner
{
    private readonly string[] _keys;
    private readonly byte[] _levels;
    private readonly Certified[] _certified;

    private IndexedPartner(PartnerSnapshot snapshot, Vocabulary vocabulary, string[] keys, byte[] levels, Certified[] certified)
    {
        Id = snapshot.PartnerId;
        Name = snapshot.Name;
        Tier = vocabulary.Word(snapshot.Tier);
        Active = snapshot.Active;
        Version = snapshot.Version;
        Regions = vocabulary.List(snapshot.Regions);
        Verticals = vocabulary.List(snapshot.Verticals);
        ProgramMemberships = vocabulary.List(snapshot.ProgramMemberships);
        Blueprints = vocabulary.List([.. snapshot.Solutions.Select(s => s.BlueprintId).OfType<Guid>().Distinct().Select(BlueprintKey).Order(StringComparer.Ordinal)]);
        _keys = keys;
        _levels = levels;
        _certified = certified;
    }

    public Guid Id { get; }
    public string Name { get; }
    public string Tier { get; }
    public bool Active { get; }
    public long Version { get; }
    public int TierScore => TierPoints(Tier);
    public IReadOnlyList<string> Regions { get; }
    public IReadOnlyList<string> Verticals { get; }
    public IReadOnlyList<string> ProgramMemberships { get; }

    /// <summary>The vendor blueprints the partner delivers (its solutions adopt them), as <see cref="BlueprintKey"/>s.</summary>
    public IReadOnlyList<string> Blueprints { get; }

    public static string BlueprintKey(Guid blueprintId) => blueprintId.ToString("N");

    /// <summary>Capability keys, in ordinal order.</summary>
    public ReadOnlySpan<string> Keys => _keys;

    /// <summary>The best proficiency level (1–4) among the codes at or below <paramref name="key"/>; 0 when none.</summary>
    public byte LevelFor(string key) => Array.BinarySearch(_keys, key, StringComparer.Ordinal) is var at and >= 0 ? _levels[at] : (byte)0;

    /// <summary>The attested certifications of <paramref name="key"/> or a code below it (validity judged at query time).</summary>
    public ReadOnlySpan<Certified> CertificationsFor(string key) =>
        _certified.Length > 0 && Array.BinarySearch(_keys, key, StringComparer.Ordinal) is var at and >= 0 ? OfKey(at) : [];

    private ReadOnlySpan<Certified> OfKey(int position)
    {
        var start = 0;
        while (start < _certified.Length && _certified[start].Key < position)
        {
            start++;
        }
        var end = start;
        while (end < _certified.Length && _certified[end].Key == position)
        {
            end++;
        }
        return _certified.AsSpan(start, end - start);
    }

    /// <summary>
    /// What the index's posting list keeps for the key at <paramref name="position"/> in <see cref="Keys"/>:
    /// the level in the low three bits, the number of distinct certifying vendors (at most 4) above them.
    /// </summary>
    internal byte PostingEntry(int position) => (byte)(_levels[position] | Math.Min(VendorCount(OfKey(position)), 4) << 3);

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
    public static IndexedPartner From(PartnerSnapshot snapshot, Vocabulary? vocabulary = null)
    {
        vocabulary ??= new Vocabulary();
        var scratch = t_scratch ??= new Scratch();
        var count = 0;
        foreach (var capability in snapshot.Capabilities)
        {
            var level = Proficiency.Level(capability.Proficiency);
            var code = capability.Code.AsSpan();
            for (var end = code.Length; end > 0; end = code[..end].LastIndexOf('.'))
            {
                scratch.Reserve(count + 1);
                scratch.Keys[count] = vocabulary.Word(code[..end]);
                scratch.Levels[count++] = level;
            }
        }
        Array.Sort(scratch.Keys, scratch.Levels, 0, count, StringComparer.Ordinal);

        // Each key once, with the best level among the codes at or below it.
        var distinct = 0;
        for (var i = 0; i < count; i++)
        {
            if (distinct > 0 && string.Equals(scratch.Keys[distinct - 1], scratch.Keys[i], StringComparison.Ordinal))
            {
                scratch.Levels[distinct - 1] = Math.Max(scratch.Levels[distinct - 1], scratch.Levels[i]);
            }
            else
            {
                scratch.Keys[distinct] = scratch.Keys[i];
                scratch.Levels[distinct++] = scratch.Levels[i];
            }
        }
        var keys = scratch.Keys.AsSpan(0, distinct).ToArray();
        var levels = scratch.Levels.AsSpan(0, distinct).ToArray();
        Array.Clear(scratch.Keys, 0, count);
        return new IndexedPartner(snapshot, vocabulary, keys, levels, Certifications(snapshot.Certifications, keys, vocabulary));
    }

    // One buffer per building thread: a partner's keys are sorted and deduplicated in it, and only the result is allocated.
    [ThreadStatic]
    private static Scratch? t_scratch;

    private sealed class Scratch
    {
        public string[] Keys = new string[64];
        public byte[] Levels = new byte[64];

        public void Reserve(int count)
        {
            if (count > Keys.Length)
            {
                Array.Resize(ref Keys, Keys.Length * 2);
                Array.Resize(ref Levels, Levels.Length * 2);
            }
        }
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
    private static Certified[] Certifications(IReadOnlyList<CertificationSnapshot> certifications, string[] keys, Vocabulary vocabulary)
    {
        if (!certifications.Any(c => c.Attested))
        {
            return [];
        }
        var certified = new List<Certified>();
        var attested = new List<int>();
        foreach (var certification in certifications.Where(c => c.Attested))
        {
            attested.Clear();
            var vendor = vocabulary.Word(certification.Vendor);
            foreach (var code in certification.Capabilities)
            {
                var span = code.AsSpan();
                for (var end = span.Length; end > 0; end = span[..end].LastIndexOf('.'))
                {
                    if (Find(keys, span[..end]) is var at and >= 0 && !attested.Contains(at))
                    {
                        attested.Add(at);
                        certified.Add(new Certified(at, vendor, certification.IssuedOn, certification.ExpiresOn));
                    }
                }
            }
        }
        // By key, then in the order the partner lists its certifications.
        return [.. certified.OrderBy(c => c.Key)];
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

    private static int VendorCount(ReadOnlySpan<Certified> certifications)
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

/// <summary>An attested certification of one of a partner's keys, as ranking reads it: who certifies, and when it counts.</summary>
public readonly record struct Certified(int Key, string Vendor, DateOnly IssuedOn, DateOnly? ExpiresOn)
{
    public bool IsValidOn(DateOnly day) => IssuedOn <= day && (ExpiresOn is null || day <= ExpiresOn);
}
