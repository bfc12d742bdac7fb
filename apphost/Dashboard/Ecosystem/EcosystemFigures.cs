using EcosystemMarket.Contracts.Telemetry;
using EcosystemMarket.Dashboard.Charts;
using EcosystemMarket.Dashboard.Metrics;
using Tags = EcosystemMarket.Contracts.Telemetry.EcosystemMetrics.Tags;

namespace EcosystemMarket.Dashboard.Ecosystem;

/// <summary>
/// The business figures a vendor follows, charted from the stored series. Counters are shown as totals and rates
/// as totals' ratios ("to date"): business events are sparse, and a ratio of a few seconds' events means nothing.
/// </summary>
public sealed class EcosystemFigures(EcosystemStore store, TimeProvider clock)
{
    private const int MaxPoints = 120;

    public IReadOnlyList<string> Vendors() => store.LabelValues(Tags.Vendor).Where(v => v != Tags.AllVendors).Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<ChartModel> Charts(VendorScope scope, TimeWindow window)
    {
        var ticks = store.ScrapesSince(clock.GetUtcNow() - window.Span, MaxPoints);
        var charts = new List<ChartModel>
        {
            Grouped("partners-by-type", "Partners by type", EcosystemMetrics.PartnersByType, Tags.Type, scope.IncludesPartners, ticks),
            Grouped("partners-by-tier", "Partners by tier", EcosystemMetrics.PartnersByTier, Tags.Tier, scope.IncludesPartners, ticks),
            Grouped("partners-by-region", "Partners by region", EcosystemMetrics.PartnersByRegion, Tags.Region, scope.IncludesPartners, ticks),
            new("opportunities-posted", "Opportunities posted", [new("posted", Sum(Series(EcosystemMetrics.OpportunitiesPosted, scope), ticks))], ChartFormat.Number),
            Share("match-rate", "Match rate", EcosystemMetrics.OpportunitiesMatched, scope, ["matched"], ["matched", "unmatched"], ticks),
            Share("acceptance-rate", "Invitation acceptance rate", EcosystemMetrics.InvitationsAnswered, scope, ["accepted"], ["accepted", "declined", "expired"], ticks),
            Median("response-time", "Invitation response time (median)", EcosystemMetrics.InvitationResponseTime, scope, ticks),
            Median("time-to-team", "Time to team (median)", EcosystemMetrics.TimeToTeam, scope, ticks),
            Share("win-rate", "Win rate (won / won + lost)", EcosystemMetrics.OpportunitiesClosed, scope, ["won"], ["won", "lost"], ticks),
            Grouped("deal-conflicts", "Deal-registration conflicts", EcosystemMetrics.DealConflicts, Tags.Kind, scope.Includes, ticks),
        };
        foreach (var currency in Series(EcosystemMetrics.Rewards, scope).Select(s => s.Labels.GetValueOrDefault(Tags.Currency) ?? "?").Distinct().Order(StringComparer.Ordinal))
        {
            charts.Add(Grouped($"rewards-{currency.ToLowerInvariant()}", $"Rewards ({currency})", EcosystemMetrics.Rewards, Tags.State,
                labels => scope.Includes(labels) && labels.GetValueOrDefault(Tags.Currency) == currency, ticks));
        }
        return charts;
    }

    private ChartModel Grouped(string testId, string title, EcosystemMetrics.Instrument instrument, string tag,
        Func<IReadOnlyDictionary<string, string>, bool> filter, IReadOnlyList<DateTimeOffset> ticks)
    {
        var series = store.Named(instrument.PrometheusName, filter)
            .GroupBy(s => s.Labels.GetValueOrDefault(tag) ?? "(none)")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ChartSeries(g.Key, Sum(g.ToList(), ticks)))
            .ToList();
        return new ChartModel(testId, title, series, ChartFormat.Number);
    }

    private ChartModel Share(string testId, string title, EcosystemMetrics.Instrument counter, VendorScope scope,
        string[] part, string[] whole, IReadOnlyList<DateTimeOffset> ticks)
    {
        var series = Series(counter, scope);
        var numerator = series.Where(s => part.Contains(s.Labels.GetValueOrDefault(Tags.Outcome))).ToList();
        var denominator = series.Where(s => whole.Contains(s.Labels.GetValueOrDefault(Tags.Outcome))).ToList();
        var points = new List<DataPoint>();
        foreach (var tick in ticks)
        {
            if (ValueAt(denominator, tick) is > 0 and var all)
            {
                points.Add(new DataPoint(tick, (ValueAt(numerator, tick) ?? 0) / all));
            }
        }
        return new ChartModel(testId, title, [new ChartSeries(title, points)], ChartFormat.Percent);
    }

    private ChartModel Median(string testId, string title, EcosystemMetrics.Instrument histogram, VendorScope scope, IReadOnlyList<DateTimeOffset> ticks)
    {
        var buckets = store.Named(EcosystemCatalogue.Bucket(histogram), scope.Includes)
            .Select(s => (Series: s, Parsed: PrometheusText.TryParseValue(s.Labels.GetValueOrDefault("le"), out var bound), UpperBound: bound))
            .Where(b => b.Parsed)
            .GroupBy(b => b.UpperBound, b => b.Series)
            .ToList();
        var points = new List<DataPoint>();
        foreach (var tick in ticks)
        {
            var counts = buckets.Select(b => (b.Key, ValueAt(b.ToList(), tick) ?? 0)).ToList();
            if (HistogramQuantile.Estimate(counts, 0.5) is { } median)
            {
                points.Add(new DataPoint(tick, median));
            }
        }
        return new ChartModel(testId, title, [new ChartSeries("median", points)], ChartFormat.Seconds);
    }

    private IReadOnlyList<EcosystemStore.StoredSeries> Series(EcosystemMetrics.Instrument instrument, VendorScope scope) =>
        store.Named(instrument.PrometheusName, scope.Includes);

    private static List<DataPoint> Sum(IReadOnlyList<EcosystemStore.StoredSeries> series, IReadOnlyList<DateTimeOffset> ticks) =>
        ticks.Select(tick => (tick, value: ValueAt(series, tick)))
            .Where(p => p.value is not null)
            .Select(p => new DataPoint(p.tick, p.value!.Value))
            .ToList();

    private static double? ValueAt(IReadOnlyList<EcosystemStore.StoredSeries> series, DateTimeOffset tick)
    {
        var known = series.Select(s => s.Values.ValueAt(tick)).OfType<double>().ToList();
        return known.Count == 0 ? null : known.Sum();
    }
}
