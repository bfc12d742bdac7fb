using EcosystemMarket.Partners.Grpc;
using EcosystemMarket.Partners.Infrastructure;
using EcosystemMarket.Partners.Telemetry;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDatabase("partnersdb", typeof(PartnerRepository).Assembly);
        builder.AddMessaging("partners");
        // No catch-all for unknown gRPC methods: it would take a REST POST with a wrong content type as a call (404, not 415).
        builder.Services.AddGrpc(options => options.IgnoreUnknownServices = true);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PartnerRepository>();
        builder.Services.AddSingleton<CapabilityCatalog>();
        builder.Services.AddSingleton<BlueprintStore>();
        builder.Services.AddHostedService<ClaimsOfOlderProfiles>();
        builder.Services.Configure<PartnerDirectoryOptions>(builder.Configuration.GetSection("Partners:Directory"));
        builder.Services.Configure<PartnersMetricsOptions>(builder.Configuration.GetSection("Partners:Metrics"));
        builder.Services.AddSingleton<PartnerCounts>();
        builder.Services.AddSingleton<PartnersMetrics>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PartnersMetrics>());
        return builder;
    }
}
