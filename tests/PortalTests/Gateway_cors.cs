extern alias gateway;

using System.Net;

namespace EcosystemMarket.PortalTests;

public sealed class Gateway_cors
{
    private const string Unreachable = "http://127.0.0.1:9/";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static InProcessHost<gateway::Program> Gateway(params (string Key, string Value)[] settings) => new(0, new Dictionary<string, string?>(
        new[] { "partners", "matching", "brokering", "settlement" }.Select(service => KeyValuePair.Create($"services:{service}:http:0", (string?)Unreachable))
            .Concat(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)))));

    private static HttpRequestMessage Preflight(string origin) => new(HttpMethod.Options, "/api/partners/00000000-0000-0000-0000-000000000001")
    {
        Headers =
        {
            { "Origin", origin },
            { "Access-Control-Request-Method", "PUT" },
            { "Access-Control-Request-Headers", "authorization,content-type,if-match" },
        },
    };

    [Fact]
    public async Task The_portal_s_origin_is_answered_a_preflight_with_credentials_and_other_origins_get_no_cors_headers()
    {
        await using var host = Gateway(("Gateway:Cors:Origins:0", "https://portal.example.test"));
        using var client = host.CreateClient();

        var allowed = await client.SendAsync(Preflight("https://portal.example.test"), Cancel);
        var refused = await client.SendAsync(Preflight("https://elsewhere.example.test"), Cancel);

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(["https://portal.example.test"], allowed.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["true"], allowed.Headers.GetValues("Access-Control-Allow-Credentials"));
        Assert.Contains("PUT", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Contains("if-match", allowed.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task An_answer_to_the_portal_s_origin_exposes_its_headers_even_when_it_is_a_401()
    {
        await using var host = Gateway(("Gateway:Cors:Origins:0", "https://portal.example.test"));
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/partners/00000000-0000-0000-0000-000000000001") { Headers = { { "Origin", "https://portal.example.test" } } };

        var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["https://portal.example.test"], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single());
    }

    [Fact]
    public async Task Without_configured_origins_the_portal_s_own_address_is_the_one_allowed()
    {
        await using var host = Gateway(("services:portal:http:0", "http://127.0.0.1:5199/"));
        using var client = host.CreateClient();

        var portal = await client.SendAsync(Preflight("http://127.0.0.1:5199"), Cancel);
        var other = await client.SendAsync(Preflight("http://127.0.0.1:5200"), Cancel);

        Assert.Equal(["http://127.0.0.1:5199"], portal.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
