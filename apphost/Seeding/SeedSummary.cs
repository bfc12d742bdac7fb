namespace EcosystemMarket.AppHost.Seeding;

/// <summary>What one seeding run created, what it found already there, and how many items failed.</summary>
public sealed class SeedSummary
{
    private readonly Dictionary<string, (int Created, int Existing)> _counts = [];

    public int Failed { get; set; }

    public void Count(bool created, string what)
    {
        var (made, found) = _counts.GetValueOrDefault(what);
        _counts[what] = created ? (made + 1, found) : (made, found + 1);
    }

    public int Created(string what) => _counts.GetValueOrDefault(what).Created;

    public int Existing(string what) => _counts.GetValueOrDefault(what).Existing;

    public override string ToString() =>
        string.Join(", ", _counts.Select(c => $"{c.Value.Created} {c.Key} created" + (c.Value.Existing > 0 ? $" ({c.Value.Existing} already there)" : "")))
        + (Failed > 0 ? $"; {Failed} failed (see above)" : "");
}
