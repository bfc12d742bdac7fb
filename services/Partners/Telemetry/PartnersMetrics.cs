using System.Diagnostics.Metrics;
using EcosystemMarket.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Options;
using static EcosystemMarket.Contracts.Telemetry.EcosystemMetrics;
using CatalogueInstrument = EcosystemMarket.Contracts.Telemetry.EcosystemMetrics.Instrument;

namespace EcosystemMarket.Partners.Telemetry;

public sealed class PartnersMetricsOptions
{
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>The partner gauges (by type, tier and region, per vendor), from a snapshot of the directory refreshed in the background.</summary>
public sealed class PartnersMetrics : GaugeSnapshot<long>
{
    private static readonly IReadOnlyDictionary<string, (CatalogueInstrument Instrument, string Tag)> Dimensions = new Dictionary<string, (CatalogueInstrument, string)>
    {
        ["type"] = (PartnersByType, Tags.Type),
        ["tier"] = (PartnersByTier, Tags.Tier),
        ["region"] = (PartnersByRegion, Tags.Region),
    };

    private readonly PartnerCounts _counts;

    public PartnersMetrics(PartnerCounts counts, IMeterFactory meters, IOptions<PartnersMetricsOptions> options, TimeProvider clock, ILogger<PartnersMetrics> logger)
        : base(options.Value.RefreshInterval, clock, logger)
    {
        _counts = counts;
        var meter = meters.Create(Meters.Partners);
        foreach (var (instrument, _) in Dimensions.Values)
        {
            meter.CreateObservableGauge(instrument.Name, () => Measurements(instrument.Name), instrument.Unit);
        }
    }

    protected override async Task<IReadOnlyList<GaugeReading<long>>> ReadAsync(CancellationToken cancellationToken) =>
        (await _counts.ReadAsync(cancellationToken)).Select(ReadingOf).ToList();

    private static GaugeReading<long> ReadingOf(PartnerCount count)
    {
        var (instrument, tag) = Dimensions[count.Dimension];
        return new GaugeReading<long>(instrument.Name, count.Partners, [new(Tags.Vendor, count.Vendor), new(tag, count.Value)]);
    }
}
