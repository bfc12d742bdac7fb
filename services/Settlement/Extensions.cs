using EcosystemMarket.Settlement.Infrastructure;
using EcosystemMarket.Settlement.IntegrationEvents.EventHandling;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.Settlement.Telemetry;
using MassTransit;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDatabase("settlementdb", typeof(Ledger).Assembly);
        builder.AddMessaging("settlement", bus =>
        {
            bus.AddConsumer<OpportunityWonConsumer, OpportunityWonConsumerDefinition>();
            bus.AddConsumer<OpportunityReversedConsumer>();
        });
        builder.Services.Configure<EcosystemMarket.Settlement.SettlementOptions>(builder.Configuration.GetSection("Settlement"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Ledger>();
        builder.Services.AddSingleton<RewardProgramStore>();
        builder.Services.AddSingleton<RewardFiguresQuery>();
        builder.Services.AddSingleton<IPartnerStandings, PartnerDirectoryStandings>();
        builder.Services.Configure<SettlementMetricsOptions>(builder.Configuration.GetSection("Settlement:Metrics"));
        builder.Services.AddSingleton<SettlementMetrics>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SettlementMetrics>());
        // "_grpc.partners" resolves services:partners:grpc:0, Partners' HTTP/2 endpoint.
        builder.Services.AddGrpcClient<EcosystemMarket.Contracts.Partners.PartnerDirectory.PartnerDirectoryClient>(
            client => client.Address = new Uri("http://_grpc.partners"))
            .AddServiceIdentity("partners");
        return builder;
    }
}
