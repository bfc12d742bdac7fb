using EcosystemMarket.Dashboard.Ecosystem;
using Microsoft.Extensions.Options;

namespace EcosystemMarket.Dashboard.Metrics;

/// <summary>Reads every service's <c>/metrics</c> once per scrape interval, all services at once.</summary>
public sealed class MetricsScraper(
    ScrapeTargets targets,
    HttpClient http,
    ServiceMetricsStore services,
    EcosystemStore ecosystem,
    IOptions<DashboardOptions> options,
    TimeProvider clock,
    ILogger<MetricsScraper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScrapeInterval, clock);
        do
        {
            var at = clock.GetUtcNow();
            await Task.WhenAll(targets.All.Select(target => ScrapeAsync(target, at, stoppingToken)));
            ecosystem.CompleteScrape(at);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ScrapeAsync(ScrapeTarget target, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            var samples = PrometheusText.Parse(await http.GetStringAsync(target.MetricsUrl, cancellationToken));
            services.For(target.Name).Record(at, TrafficTotals.From(samples));
            ecosystem.Record(target.Name, at, samples);
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // A service that is down or restarting is a state to show, not an error of the dashboard.
            logger.LogDebug(failure, "Scraping {Target} failed", target.MetricsUrl);
            services.For(target.Name).RecordFailure(at, failure.Message);
        }
    }
}
