using System.Net.Http.Headers;
using EcosystemMarket.ServiceDefaults.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

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

    /// <summary>The token <paramref name="caller"/> presents to <paramref name="callee"/>'s gRPC API, as ServiceTokens mints it.</summary>
    public static string Service(string caller, string callee, string? signingKey = null, string audience = JwtSettings.DefaultAudience) =>
        DevelopmentTokens.CreateService(signingKey ?? SigningKey, caller, $"{audience}-{callee}", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10));

    /// <summary>Any token signed with the run's key: the claims and audience a test needs, right or wrong.</summary>
    public static string Signed(string audience, params (string Type, string Value)[] claims) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = JwtSettings.DevelopmentIssuer,
            Audience = audience,
            Claims = claims.GroupBy(c => c.Type).ToDictionary(g => g.Key, g => (object)g.First().Value),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(SigningKey)), SecurityAlgorithms.HmacSha256),
        });

    public static HttpClient WithToken(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
