using EcosystemMarket.Dashboard.Metrics;
using Microsoft.Extensions.Options;

namespace EcosystemMarket.Dashboard.Ecosystem;

/// <summary>
/// The history of every ecosystem series, per service instance that exposes it; counters and histogram parts are
/// kept corrected for restarts, so sums over instances and differences over time stay meaningful.
/// </summary>
public sealed class EcosystemStore(IOptions<DashboardOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, StoredSeries> _series = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CounterResets> _resets = new(StringComparer.Ordinal);
    private readonly TimeSeries _scrapes = new(options.Value.Retention);

    public sealed record StoredSeries(string Name, IReadOnlyDictionary<string, string> Labels, TimeSeries Values);

    public void Record(string target, DateTimeOffset at, IReadOnlyList<MetricSample> samples)
    {
        lock (_lock)
        {
            var resets = _resets.TryGetValue(target, out var known) ? known : _resets[target] = new CounterResets();
            foreach (var sample in samples.Where(s => EcosystemCatalogue.SampleNames.Contains(s.Name)))
            {
                var key = target + "|" + sample.Key;
                if (!_series.TryGetValue(key, out var series))
                {
                    _series[key] = series = new StoredSeries(sample.Name, sample.Labels, new TimeSeries(options.Value.Retention));
                }
                series.Values.Add(at, sample.Kind == MetricKind.Gauge ? sample.Value : resets.Corrected(key, sample.Value));
            }
        }
    }

    /// <summary>Marks the end of one round of scrapes: the moments charts are drawn at.</summary>
    public void CompleteScrape(DateTimeOffset at) => _scrapes.Add(at, 0);

    public IReadOnlyList<DateTimeOffset> ScrapesSince(DateTimeOffset from, int maxPoints) =>
        TimeSeries.Thin(_scrapes.Since(from).Select(p => p.Time).ToList(), maxPoints);

    public IReadOnlyList<StoredSeries> Named(string name, Func<IReadOnlyDictionary<string, string>, bool> filter)
    {
        lock (_lock)
        {
            return _series.Values.Where(s => s.Name == name && filter(s.Labels)).ToList();
        }
    }

    public IReadOnlyList<string> LabelValues(string label)
    {
        lock (_lock)
        {
            return _series.Values.Select(s => s.Labels.GetValueOrDefault(label)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        }
    }
}
