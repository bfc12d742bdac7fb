namespace EcosystemMarket.Portal.Gateway;

public static class GatewayClientExtensions
{
    public static WebApplicationBuilder AddGatewayClient(this WebApplicationBuilder builder)
    {
        var address = builder.Configuration[GatewayClient.AddressKey] is { Length: > 0 } configured
            ? new Uri(configured.TrimEnd('/') + "/")
            : throw new InvalidOperationException($"The portal reaches the services only through the gateway: set services__gateway__http__0 ({GatewayClient.AddressKey}).");
        // A typed client is resolved in the page's scope (its circuit), so it sees the signed-in user.
        builder.Services.AddHttpClient<GatewayClient>(client => client.BaseAddress = address);
        return builder;
    }
}
