using EcosystemMarket.Settlement.Infrastructure;
using EcosystemMarket.Settlement.IntegrationEvents.EventHandling;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDatabase("settlementdb", typeof(Ledger).Assembly);
        builder.AddMessaging("settlement", bus =>
        {
            bus.AddConsumer<OpportunityWonConsumer>();
            bus.AddConsumer<OpportunityReversedConsumer>();
        });
        builder.Services.Configure<EcosystemMarket.Settlement.SettlementOptions>(builder.Configuration.GetSection("Settlement"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Ledger>();
        return builder;
    }
}
