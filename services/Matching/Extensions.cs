using EcosystemMarket.Matching.Infrastructure;
using EcosystemMarket.Matching.IntegrationEvents.EventHandling;
using EcosystemMarket.Matching.Model;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDatabase("matchingdb", typeof(PartnerIndex).Assembly);
        builder.AddMessaging("matching", bus => bus.AddConsumer<PartnerChangedConsumer>());
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<PartnerIndex>();
        return builder;
    }
}
