using EcosystemMarket.Dashboard.Ecosystem;
using EcosystemMarket.Dashboard.Metrics;
using EcosystemMarket.Dashboard.Queues;
using EcosystemMarket.Dashboard.Resources;

namespace EcosystemMarket.Dashboard;

public static class DashboardSources
{
    /// <summary>Where the dashboard's figures come from: the app host's resource service, the services' /metrics, the broker, the gateway.</summary>
    public static WebApplicationBuilder AddDashboardSources(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DashboardOptions>(builder.Configuration.GetSection(DashboardOptions.Section));
        builder.Services.PostConfigure<DashboardOptions>(options =>
            options.RabbitMq.VirtualHost ??= RabbitMqMonitor.VirtualHostOf(builder.Configuration.GetConnectionString("messaging")));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient<ResourceServiceClient>((services, http) =>
            ResourceServiceClient.Configure(http, services.GetRequiredService<IConfiguration>()));
        builder.Services.AddHttpClient<RelationshipsClient>(http => http.Timeout = TimeSpan.FromSeconds(10));

        builder.Services.AddSingleton<ScrapeTargets>();
        builder.Services.AddSingleton<ServiceMetricsStore>();
        builder.Services.AddSingleton<EcosystemStore>();
        builder.Services.AddSingleton<EcosystemFigures>();
        builder.Services.AddPoller<MetricsScraper>();
        builder.Services.AddPoller<RabbitMqMonitor>();
        return builder;
    }

    /// <summary>
    /// A background poller that pages also read from: one instance, with a client of its own whose timeout stays
    /// under the scrape interval, so that one slow source does not hold up the next round.
    /// </summary>
    private static void AddPoller<TPoller>(this IServiceCollection services) where TPoller : BackgroundService
    {
        services.AddHttpClient(typeof(TPoller).Name, http => http.Timeout = TimeSpan.FromSeconds(4));
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<TPoller>(provider,
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(typeof(TPoller).Name)));
        services.AddHostedService(provider => provider.GetRequiredService<TPoller>());
    }
}
