using EcosystemMarket.Partners.Grpc;
using EcosystemMarket.Partners.Infrastructure;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDatabase("partnersdb", typeof(PartnerRepository).Assembly);
        builder.AddMessaging("partners");
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PartnerRepository>();
        builder.Services.AddSingleton<CapabilityCatalog>();
        builder.Services.Configure<PartnerDirectoryOptions>(builder.Configuration.GetSection("Partners:Directory"));
        return builder;
    }
}
