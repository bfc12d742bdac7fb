using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace EcosystemMarket.ServiceDefaults.Authentication;

/// <summary>
/// How the services know each other on their gRPC APIs: a caller presents a token whose audience is the callee
/// (<c>ecosystemmarket-partners</c>), whose role is <c>service</c> and whose subject is the caller's name. Such a
/// token is checked by a scheme of its own, so it opens no REST endpoint, and a user's token opens no gRPC one.
/// </summary>
public static class ServiceIdentity
{
    /// <summary>The authorization policy every gRPC service is mapped with.</summary>
    public const string Policy = "service";

    /// <summary>The JWT bearer scheme that accepts only tokens addressed to this service.</summary>
    public const string Scheme = "ServiceBearer";

    /// <summary>The audience a token for <paramref name="service"/> carries: the users' audience and the service's name.</summary>
    public static string AudienceOf(JwtSettings settings, string service) => $"{settings.Audience}-{service}";

    /// <summary>
    /// This process's name among the services: <c>Jwt:ServiceName</c>, else the last part of its application name
    /// (EcosystemMarket.Partners is "partners"), the name the others call it by.
    /// </summary>
    public static string NameOf(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["Jwt:ServiceName"] is { Length: > 0 } name
            ? name
            : environment.ApplicationName.Split('.')[^1].ToLowerInvariant();
}
