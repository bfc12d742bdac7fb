namespace EcosystemMarket.Dashboard.Metrics;

/// <summary>
/// Makes a process's counters monotonic across its restarts: when a counter comes back lower than it was, the
/// process started again from zero, so everything it had counted before is carried as an offset.
/// </summary>
public sealed class CounterResets
{
    private readonly Dictionary<string, (double Last, double Offset)> _series = new(StringComparer.Ordinal);

    public double Corrected(string key, double raw)
    {
        var (last, offset) = _series.GetValueOrDefault(key);
        if (raw < last)
        {
            offset += last;
        }
        _series[key] = (raw, offset);
        return raw + offset;
    }
}
