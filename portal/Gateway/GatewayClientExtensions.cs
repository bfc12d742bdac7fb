namespace EcosystemMarket.Portal.Gateway;

public static class GatewayClientExtensions
{
    public static WebApplicationBuilder AddGatewayClient(this WebApplicationBuilder builder)
    {
        var address = builder.Configuration[GatewayClient.AddressKey] is { Length: > 0 } configured
            ? new Uri(configured.TrimEnd('/') + "/")
            : throw new InvalidOperationException($"The portal reaches the services only through the gateway: set services__gateway__http__0 ({GatewayClient.AddressKey}).");
        builder.Services.AddTransient<CallerTokenHandler>();
        builder.Services.AddHttpClient<GatewayClient>(client => client.BaseAddress = address).AddHttpMessageHandler<CallerTokenHandler>();
        return builder;
    }
}
