using System.Net.Http.Headers;
using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.TestSupport;

public static class TestTokens
{
    /// <summary>One signing key per test run, handed to the services under test as Jwt:SigningKey.</summary>
    public static readonly string SigningKey = DevelopmentTokens.NewSigningKey();

    public static string Partner(Guid partnerId, string? signingKey = null) =>
        DevelopmentTokens.Create(signingKey ?? SigningKey, Roles.Partner, partnerId);

    public static HttpClient ActingFor(this HttpClient client, Guid partnerId, string? signingKey = null) =>
        client.WithToken(Partner(partnerId, signingKey));

    public static HttpClient AsAdmin(this HttpClient client) => client.WithToken(DevelopmentTokens.Create(SigningKey, Roles.Admin));

    public static HttpClient AsVendor(this HttpClient client, string vendorId, string? signingKey = null) =>
        client.WithToken(DevelopmentTokens.Create(signingKey ?? SigningKey, Roles.Vendor, vendorId: vendorId));

    public static HttpClient WithToken(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
