namespace EcosystemMarket.Dashboard.Metrics;

public sealed record ScrapeTarget(string Name, Uri MetricsUrl);

/// <summary>
/// Every service named by an Aspire service-discovery key (<c>services:{name}:http:0</c>), read anew on each scrape
/// so that a reloaded configuration adds or drops services.
/// </summary>
public sealed class ScrapeTargets(IConfiguration configuration)
{
    public const string GatewayKey = "services:gateway:http:0";

    public IReadOnlyList<ScrapeTarget> All =>
        configuration.GetSection("services").GetChildren()
            .Select(service => (service.Key, Url: service["http:0"]))
            .Where(s => Uri.TryCreate(s.Url, UriKind.Absolute, out _))
            .Select(s => new ScrapeTarget(s.Key, new Uri(new Uri(s.Url!), "/metrics")))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
}
