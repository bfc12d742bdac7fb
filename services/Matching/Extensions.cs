using EcosystemMarket.Contracts.Partners;
using EcosystemMarket.Matching.Infrastructure;
using EcosystemMarket.Matching.IntegrationEvents.EventHandling;
using EcosystemMarket.Matching.Model;
using EcosystemMarket.Matching.Telemetry;
using EcosystemMarket.ServiceDefaults.Authentication;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDatabase("matchingdb", typeof(PartnerIndex).Assembly);

        // The index lives in each replica's memory, so each replica needs every partner change and every
        // brokering event: a temporary queue of its own. Facts are persisted once, from a shared queue.
        var replica = $"{Environment.MachineName.ToLowerInvariant()}-{Random.Shared.Next(0x10000):x4}";
        builder.AddMessaging("matching", bus =>
        {
            bus.AddConsumer<PartnerChangedConsumer>().Endpoint(e => { e.InstanceId = replica; e.Temporary = true; });
            bus.AddConsumer<BrokeringActivityObserver>().Endpoint(e => { e.InstanceId = replica; e.Temporary = true; });
            bus.AddConsumer<BrokeringActivityRecorder>();
        });

        // No catch-all for unknown gRPC methods: it would take a REST POST with a wrong content type as a call (404, not 415).
        builder.Services.AddGrpc(options => options.IgnoreUnknownServices = true);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PartnerIndex>();
        builder.Services.AddSingleton<TrackRecord>();
        builder.Services.AddSingleton<TrackRecordStore>();
        builder.Services.AddSingleton<PartnerMatcher>();
        builder.Services.AddSingleton<MatchingMetrics>();
        builder.Services.AddSingleton<IPartnerSource, PartnerDirectorySource>();
        builder.Services.AddHostedService<IndexBootstrapper>();
        builder.Services.AddHealthChecks().AddCheck<IndexReadyHealthCheck>("partner-index", tags: ["ready"]);

        // "_grpc.partners" resolves services:partners:grpc:0, Partners' HTTP/2 endpoint.
        // A bootstrap stream of the whole directory outlives the standard handler's attempt timeout; it is
        // retried as a whole by the bootstrapper instead.
#pragma warning disable EXTEXP0001 // the documented way to opt one client out of the defaults' resilience handler
        builder.Services.AddGrpcClient<PartnerDirectory.PartnerDirectoryClient>(client => client.Address = new Uri("http://_grpc.partners"))
            .RemoveAllResilienceHandlers()
            .AddServiceIdentity("partners");
#pragma warning restore EXTEXP0001
        return builder;
    }
}
