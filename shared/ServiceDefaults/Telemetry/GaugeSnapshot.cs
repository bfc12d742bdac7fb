using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcosystemMarket.ServiceDefaults.Telemetry;

/// <summary>One series of an observable gauge: which instrument, its tags and its value.</summary>
public sealed record GaugeReading<T>(string Instrument, T Value, IReadOnlyList<KeyValuePair<string, object?>> Tags) where T : struct;

/// <summary>
/// The figures of observable gauges, read from a database every <c>interval</c> by a background loop. The
/// gauges' callbacks read only the last snapshot: they run on the scrape's thread, once per scrape and
/// exporter, and must not wait on a database. A series that drops out of a snapshot (the last partner of a
/// tier left) reads 0 from then on; otherwise the exporter would keep repeating its last value.
/// </summary>
public abstract class GaugeSnapshot<T>(TimeSpan interval, TimeProvider clock, ILogger logger) : BackgroundService where T : struct
{
    private readonly Dictionary<string, GaugeReading<T>> _seen = [];
    private volatile IReadOnlyDictionary<string, IReadOnlyList<Measurement<T>>> _byInstrument = new Dictionary<string, IReadOnlyList<Measurement<T>>>();

    /// <summary>The current series of one instrument: what its observable gauge's callback returns.</summary>
    public IEnumerable<Measurement<T>> Measurements(string instrument) => _byInstrument.GetValueOrDefault(instrument) ?? [];

    protected abstract Task<IReadOnlyList<GaugeReading<T>>> ReadAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                Publish(await ReadAsync(stoppingToken));
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The gauges keep the previous snapshot: a figure a little old beats a hole in the dashboard.
                logger.LogWarning(exception, "Refreshing the gauge snapshot failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private void Publish(IReadOnlyList<GaugeReading<T>> readings)
    {
        var current = readings.ToDictionary(KeyOf);
        foreach (var (key, reading) in _seen.Where(s => !current.ContainsKey(s.Key)).ToList())
        {
            current[key] = reading with { Value = default };
        }
        foreach (var (key, reading) in current)
        {
            _seen[key] = reading;
        }
        _byInstrument = current.Values
            .GroupBy(r => r.Instrument)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Measurement<T>>)g.Select(r => new Measurement<T>(r.Value, r.Tags)).ToList());
    }

    private static string KeyOf(GaugeReading<T> reading) =>
        reading.Instrument + "|" + string.Join("|", reading.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));
}
