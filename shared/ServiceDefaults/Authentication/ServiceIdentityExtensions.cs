using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EcosystemMarket.ServiceDefaults.Authentication;

public static class ServiceIdentityExtensions
{
    public const string TokenClientName = "service-tokens";

    /// <summary>
    /// Every call of this gRPC client carries this service's token for <paramref name="callee"/> (see
    /// <see cref="ServiceTokens"/>). The services talk h2c inside the cluster, so the channel is allowed to send call
    /// credentials without TLS; where a channel has TLS it is used as it is.
    /// </summary>
    public static IHttpClientBuilder AddServiceIdentity(this IHttpClientBuilder builder, string callee)
    {
        builder.Services.AddServiceTokens();
        return builder
            .ConfigureChannel(channel => channel.UnsafeUseInsecureChannelCallCredentials = true)
            .AddCallCredentials(async (context, metadata, services) =>
            {
                var token = await services.GetRequiredService<ServiceTokens>().GetAsync(callee, context.CancellationToken);
                metadata.Add("Authorization", $"Bearer {token}");
            });
    }

    /// <summary>Development: tokens minted with <c>Jwt:SigningKey</c>. With <c>Jwt:Authority</c>: client credentials.</summary>
    public static IServiceCollection AddServiceTokens(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(TokenClientName);
        services.TryAddSingleton<IServiceTokenSource>(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var settings = JwtSettings.From(configuration);
            var clock = provider.GetRequiredService<TimeProvider>();
            if (settings.Authority is { } authority)
            {
                return new ClientCredentialsTokenSource(provider.GetRequiredService<IHttpClientFactory>().CreateClient(TokenClientName), authority,
                    configuration["Jwt:ClientId"] ?? throw new InvalidOperationException("With Jwt:Authority, a service that calls another needs Jwt:ClientId."),
                    configuration["Jwt:ClientSecret"] ?? throw new InvalidOperationException("With Jwt:Authority, a service that calls another needs Jwt:ClientSecret."),
                    configuration["Jwt:ServiceScope"], clock);
            }
            return new DevelopmentServiceTokenSource(
                configuration["Jwt:SigningKey"] is { Length: > 0 } key ? key : throw new InvalidOperationException("Configure Jwt:Authority or Jwt:SigningKey."),
                settings.Issuer, ServiceIdentity.NameOf(configuration, provider.GetRequiredService<IHostEnvironment>()), clock);
        });
        services.TryAddSingleton(provider => new ServiceTokens(provider.GetRequiredService<IServiceTokenSource>(),
            JwtSettings.From(provider.GetRequiredService<IConfiguration>()), provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
