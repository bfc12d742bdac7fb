using System.Collections.Concurrent;

namespace EcosystemMarket.Matching.Model;

/// <summary>
/// The index's small vocabularies (capability keys, tiers, regions, verticals, programs, vendors) with one string per
/// word and one array per list of words, however many partners name them: a million partners deserialized from JSON
/// otherwise bring a million copies of "storage", "US" and ["US", "DE"]. Safe for the bootstrap's parallel builders.
/// </summary>
public sealed class Vocabulary
{
    private const char Separator = '\u001f';

    private readonly ConcurrentDictionary<string, string> _words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _wordsBySpan;
    private readonly ConcurrentDictionary<string, string[]> _lists = new(StringComparer.Ordinal);

    public Vocabulary() => _wordsBySpan = _words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The shared instance of <paramref name="word"/>; a string is allocated only for a word not seen before.</summary>
    public string Word(ReadOnlySpan<char> word)
    {
        if (_wordsBySpan.TryGetValue(word, out var shared))
        {
            return shared;
        }
        var added = word.ToString();
        return _words.GetOrAdd(added, added);
    }

    /// <summary>The shared array holding these words in this order; the empty list is the empty array.</summary>
    public string[] List(IReadOnlyList<string> words)
    {
        switch (words.Count)
        {
            case 0:
                return [];
            case 1:
                return _lists.GetOrAdd(Word(words[0]), static word => [word]);
        }
        var key = string.Join(Separator, words);
        if (_lists.TryGetValue(key, out var shared))
        {
            return shared;
        }
        var list = new string[words.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = Word(words[i]);
        }
        return _lists.GetOrAdd(key, list);
    }
}
