namespace EcosystemMarket.Dashboard.Metrics;

public sealed record ScrapeTarget(string Name, Uri MetricsUrl);

/// <summary>
/// Every service named by an Aspire service-discovery key (<c>services:{name}:http:0</c>), at its
/// <c>management</c> endpoint when it has one (a public service keeps /metrics off its public port), read anew on
/// each scrape so that a reloaded configuration adds or drops services.
/// </summary>
public sealed class ScrapeTargets(IConfiguration configuration)
{
    public const string GatewayKey = "services:gateway:http:0";

    public IReadOnlyList<ScrapeTarget> All =>
        configuration.GetSection("services").GetChildren()
            .Select(service => (service.Key, Url: service["management:0"] ?? service["http:0"]))
            .Where(s => Uri.TryCreate(s.Url, UriKind.Absolute, out _))
            .Select(s => new ScrapeTarget(s.Key, new Uri(new Uri(s.Url!), "/metrics")))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
}
