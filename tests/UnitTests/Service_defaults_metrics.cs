using System.Diagnostics.Metrics;
using EcosystemMarket.Contracts.Telemetry;
using EcosystemMarket.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EcosystemMarket.UnitTests;

public sealed class Service_defaults_metrics
{
    [Fact]
    public async Task The_scrape_endpoint_serves_the_ecosystem_meters_anonymously_while_otlp_export_is_on()
    {
        var cancel = TestContext.Current.CancellationToken;
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Jwt:SigningKey"] = DevelopmentTokens.NewSigningKey();
        // Nothing listens there: the OTLP exporter is registered and fails quietly, beside the Prometheus one.
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:1";
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync(cancel);

        var counter = app.Services.GetRequiredService<IMeterFactory>().Create(EcosystemMetrics.Meters.Matching)
            .CreateCounter<long>(EcosystemMetrics.MatchSearches.Name, EcosystemMetrics.MatchSearches.Unit);
        counter.Add(1, new KeyValuePair<string, object?>(EcosystemMetrics.Tags.Outcome, "matched"));

        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        var scrape = await client.GetStringAsync("/metrics", cancel);
        await app.StopAsync(cancel);

        Assert.Contains($"{EcosystemMetrics.MatchSearches.PrometheusName}{{otel_scope_name=\"{EcosystemMetrics.Meters.Matching}\",outcome=\"matched\"}} 1", scrape);
    }
}
