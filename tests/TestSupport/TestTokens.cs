using System.Net.Http.Headers;
using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.TestSupport;

public static class TestTokens
{
    /// <summary>One signing key per test run, handed to the services under test as Jwt:SigningKey.</summary>
    public static readonly string SigningKey = DevelopmentTokens.NewSigningKey();

    public static string Partner(Guid partnerId, string? signingKey = null) =>
        DevelopmentTokens.Create(signingKey ?? SigningKey, Roles.Partner, partnerId);

    public static HttpClient ActingFor(this HttpClient client, Guid partnerId, string? signingKey = null)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Partner(partnerId, signingKey));
        return client;
    }
}
