namespace EcosystemMarket.Gateway;

public static class GatewayExtensions
{
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRateLimitBudgets(builder.Configuration);
        builder.Services.AddPortalCors(builder.Configuration);
        builder.Services.AddReverseProxy().LoadFromMemory(GatewayRoutes.Routes(builder.Configuration), GatewayRoutes.Clusters(builder.Configuration));
        return builder;
    }
}
