namespace EcosystemMarket.Dashboard.Metrics;

/// <summary>Counters and histogram parts only grow (until the process restarts); gauges go up and down.</summary>
public enum MetricKind { Gauge, Counter, Histogram }

/// <summary>One line of a Prometheus exposition: a series (name and labels) and its value.</summary>
public sealed record MetricSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value, MetricKind Kind)
{
    public string? Label(string name) => Labels.TryGetValue(name, out var value) ? value : null;

    /// <summary>The series' identity: its name and labels in a fixed order.</summary>
    public string Key => Labels.Count == 0
        ? Name
        : Name + "{" + string.Join(",", Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) + "}";
}
