namespace EcosystemMarket.Partners.Model;

/// <summary>
/// The valid codes closest to one a caller got wrong, so a rejection tells it what to send instead:
/// first codes with that exact synonym, then codes whose last segment or name contains the word, then the
/// codes within a few typing mistakes of it.
/// </summary>
public static class CapabilitySuggester
{
    public const int MaxSuggestions = 3;

    // Edit distance costs length × length per candidate; longer input is not a typo of any code.
    private const int MaxInputLength = 100;

    public static IReadOnlyList<string> Suggest(string? input, CapabilityTaxonomy taxonomy)
    {
        var term = input?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(term) || term.Length > MaxInputLength)
        {
            return [];
        }
        var word = CapabilityTaxonomy.LastSegmentOf(term);
        var suggestions = new List<string>(MaxSuggestions);

        AddUpTo(suggestions, taxonomy.Codes
            .Where(c => c.Synonyms.Any(s => Same(s, term) || Same(s, word)) || Same(c.Name, term))
            .Select(c => c.Code));
        if (word.Length >= 3)
        {
            AddUpTo(suggestions, taxonomy.Codes
                .Where(c => CapabilityTaxonomy.LastSegmentOf(c.Code).Contains(word, StringComparison.Ordinal)
                            || c.Name.Contains(word, StringComparison.OrdinalIgnoreCase))
                .OrderBy(c => c.Code.Length)
                .ThenBy(c => c.Code, StringComparer.Ordinal)
                .Select(c => c.Code));
        }
        var tolerance = Math.Max(1, word.Length / 3);
        AddUpTo(suggestions, taxonomy.Codes
            .Select(c => (c.Code, Distance: DistanceTo(c, term, word), Whole: Levenshtein(term, c.Code)))
            .Where(c => c.Distance <= tolerance)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Whole)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => c.Code));
        return suggestions;
    }

    private static int DistanceTo(CapabilityCode candidate, string term, string word) =>
        new[] { Levenshtein(term, candidate.Code), Levenshtein(word, CapabilityTaxonomy.LastSegmentOf(candidate.Code)), Levenshtein(word, candidate.Name.ToLowerInvariant()) }
            .Concat(candidate.Synonyms.Select(s => Levenshtein(word, s.ToLowerInvariant())))
            .Min();

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static void AddUpTo(List<string> suggestions, IEnumerable<string> codes)
    {
        foreach (var code in codes)
        {
            if (suggestions.Count == MaxSuggestions)
            {
                return;
            }
            if (!suggestions.Contains(code))
            {
                suggestions.Add(code);
            }
        }
    }

    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
