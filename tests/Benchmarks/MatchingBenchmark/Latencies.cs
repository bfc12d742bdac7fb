using System.Diagnostics;

namespace EcosystemMarket.MatchingBenchmark;

/// <summary>Per-call latencies of one phase, in milliseconds, with nearest-rank percentiles.</summary>
public sealed class Latencies(int capacity)
{
    private readonly List<double> _milliseconds = new(capacity);
    private double[]? _sorted;

    public int Count => _milliseconds.Count;

    public IReadOnlyList<double> Samples => _milliseconds;

    public void Add(long startTimestamp) => Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public void Add(double milliseconds)
    {
        _milliseconds.Add(milliseconds);
        _sorted = null;
    }

    public double Percentile(double p)
    {
        _sorted ??= [.. _milliseconds.Order()];
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(p / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    public double Mean => _milliseconds.Count == 0 ? double.NaN : _milliseconds.Average();

    public double Max => Percentile(100);

    /// <summary>The latencies of the calls at the given positions, for comparing phases on the same queries.</summary>
    public Latencies Subset(IEnumerable<int> positions)
    {
        var subset = new Latencies(_milliseconds.Count);
        foreach (var position in positions)
        {
            subset.Add(_milliseconds[position]);
        }
        return subset;
    }

    public string Summary() => $"p50 {Format(Percentile(50))}  p90 {Format(Percentile(90))}  p99 {Format(Percentile(99))}  max {Format(Max)}  mean {Format(Mean)}";

    public static string Format(double milliseconds) => milliseconds switch
    {
        double.NaN => "n/a",
        < 1 => $"{milliseconds * 1000:F0} µs",
        < 1000 => $"{milliseconds:F2} ms",
        _ => $"{milliseconds / 1000:F2} s",
    };
}
