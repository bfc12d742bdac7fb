using EcosystemMarket.Contracts.Telemetry;

namespace EcosystemMarket.Dashboard.Ecosystem;

/// <summary>
/// Whose figures a page shows: one vendor's program, or (for the operator only) the whole ecosystem. The filter runs
/// on the server, so a vendor's page never receives another vendor's series.
/// </summary>
public sealed record VendorScope(string? Vendor)
{
    public static readonly VendorScope WholeEcosystem = new(Vendor: null);

    /// <summary>Counters, histograms and rewards: one vendor's series, or all of them summed.</summary>
    public bool Includes(IReadOnlyDictionary<string, string> labels) =>
        Vendor is null || labels.GetValueOrDefault(EcosystemMetrics.Tags.Vendor) == Vendor;

    /// <summary>Partner gauges count the whole ecosystem once in their own series, which summing programs would not.</summary>
    public bool IncludesPartners(IReadOnlyDictionary<string, string> labels) =>
        labels.GetValueOrDefault(EcosystemMetrics.Tags.Vendor) == (Vendor ?? EcosystemMetrics.Tags.AllVendors);
}
