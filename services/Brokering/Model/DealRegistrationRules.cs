using System.Text.RegularExpressions;

namespace EcosystemMarket.Brokering.Model;

/// <summary>
/// First come, first protected: a registration conflicts with an earlier one still protected for the same
/// vendor and customer, by another partner, over an overlapping scope. Customers are compared by a
/// normalised name, so "ACME Corp." and "Acme Corporation" are the same customer.
/// </summary>
public static partial class DealRegistrationRules
{
    private static readonly HashSet<string> LegalSuffixes =
        ["inc", "incorporated", "ltd", "limited", "llc", "llp", "plc", "corp", "corporation", "co", "company", "gmbh", "ag", "sa", "sas", "bv", "nv", "srl", "spa", "pty", "kk", "oy", "ab", "as"];

    public static string NormaliseCustomer(string name)
    {
        var words = NonWord().Split(name.ToLowerInvariant()).Where(w => w.Length > 0).ToList();
        while (words.Count > 1 && LegalSuffixes.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }
        return string.Join(' ', words);
    }

    /// <summary>Scopes overlap when they share a capability, or one holds a capability above the other's (storage vs storage.backup).</summary>
    public static bool Overlaps(IReadOnlyList<string> first, IReadOnlyList<string> second) =>
        first.Any(a => second.Any(b => a == b || a.StartsWith(b + ".", StringComparison.Ordinal) || b.StartsWith(a + ".", StringComparison.Ordinal)));

    public static DealRegistration? ProtectedConflict(string vendorId, Guid registrant, string customerKey, IReadOnlyList<string> scope,
        IEnumerable<DealRegistration> earlier, DateTimeOffset now) =>
        earlier
            .Where(r => r.Protected && r.VendorId == vendorId && r.CustomerKey == customerKey && r.RegistrantPartnerId != registrant
                        && r.ProtectedUntil > now && Overlaps(r.Scope, scope))
            .OrderBy(r => r.Sequence)
            .FirstOrDefault();

    /// <summary>Where the chain first breaks (a record whose hash no longer matches its content or its predecessor), or null when intact.</summary>
    public static long? FirstBrokenLink(IEnumerable<DealRegistration> chain)
    {
        var previous = DealRegistration.GenesisHash;
        foreach (var record in chain.OrderBy(r => r.Sequence))
        {
            if (record.PreviousHash != previous || record.Hash != DealRegistration.HashOf(previous, record.CanonicalContent()))
            {
                return record.Sequence;
            }
            previous = record.Hash;
        }
        return null;
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
