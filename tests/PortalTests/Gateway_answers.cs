extern alias gateway;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.TestSupport;
using EcosystemMarket.TestSupport.Processes;

namespace EcosystemMarket.PortalTests;

public sealed class Gateway_answers
{
    private const string Unreachable = "http://127.0.0.1:9/";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static InProcessHost<gateway::Program> Gateway(params (string Key, string Value)[] settings) => new(0, new Dictionary<string, string?>(
        new[] { "partners", "matching", "brokering", "settlement" }.Select(service => KeyValuePair.Create($"services:{service}:http:0", (string?)Unreachable))
            .Concat(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)))));

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_api_answers_are_never_stored()
    {
        await using var host = Gateway();
        using var client = host.CreateClient().AsAdmin();

        var alive = await client.GetAsync("/alive", Cancel);
        var index = await client.GetAsync("/openapi", Cancel);
        var unknown = await client.GetAsync("/api/nothing-here", Cancel);
        var proxied = await client.GetAsync($"/api/partners/{Guid.NewGuid()}", Cancel);

        foreach (var response in new[] { alive, index, unknown, proxied })
        {
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
            Assert.Equal(["frame-ancestors 'none'"], response.Headers.GetValues("Content-Security-Policy"));
            Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
            Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        }
        Assert.True(unknown.Headers.CacheControl?.NoStore);
        Assert.True(proxied.Headers.CacheControl?.NoStore);
        // Outside /api the gateway leaves caching to whoever answers (the portal's static assets are cacheable).
        Assert.False(index.Headers.CacheControl?.NoStore ?? false);
    }

    [Fact]
    public async Task The_gateway_s_own_rejections_are_problem_details()
    {
        await using var host = Gateway();
        using var client = host.CreateClient().AsAdmin();

        var notFound = await client.GetAsync("/api/nothing-here", Cancel);
        var unreachable = await client.GetAsync($"/api/partners/{Guid.NewGuid()}", Cancel);
        var anonymous = await host.CreateClient().GetAsync($"/api/partners/{Guid.NewGuid()}", Cancel);

        foreach (var (response, status) in new[] { (notFound, HttpStatusCode.NotFound), (unreachable, HttpStatusCode.BadGateway), (anonymous, HttpStatusCode.Unauthorized) })
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal((int)status, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetInt32());
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_by_kestrel_with_a_413_problem()
    {
        var port = FreePort.Next();
        await using var host = new InProcessHost<gateway::Program>(port, new Dictionary<string, string?>(
            new[] { "partners", "matching", "brokering", "settlement" }.Select(service => KeyValuePair.Create($"services:{service}:http:0", (string?)Unreachable)))).Start();
        using var client = new HttpClient { BaseAddress = host.Address }.AsAdmin();

        var response = await client.PostAsync("/api/partners", new ByteArrayContent(new byte[Microsoft.Extensions.Hosting.Extensions.MaxRequestBodyBytes + 1]), Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
    }

    [Fact]
    public async Task A_partner_token_without_a_partner_id_is_refused_at_the_gateway()
    {
        await using var host = Gateway();
        using var client = host.CreateClient().WithToken(DevelopmentTokens.Create(TestTokens.SigningKey, Roles.Partner));

        var response = await client.GetAsync($"/api/partners/{Guid.NewGuid()}", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Each_budget_is_counted_apart_and_a_429_names_the_budget_it_exhausted()
    {
        await using var host = Gateway(
            ("Gateway:RateLimits:Partner:PermitsPerWindow", "2"), ("Gateway:RateLimits:Partner:Window", "00:00:10"),
            ("Gateway:RateLimits:Anonymous:PermitsPerWindow", "1"), ("Gateway:RateLimits:Anonymous:Window", "00:01:00"));
        var path = $"/api/partners/{Guid.NewGuid()}";
        using var partner = host.CreateClient().ActingFor(Guid.NewGuid());
        using var otherPartner = host.CreateClient().ActingFor(Guid.NewGuid());
        using var vendor = host.CreateClient().AsVendor("acme");
        using var anonymous = host.CreateClient();

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await partner.GetAsync(path, Cancel)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await partner.GetAsync(path, Cancel)).StatusCode);
        var limited = await partner.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("partner budget: 2 requests per 10 s", problem.GetProperty("detail").GetString());
        Assert.Equal("partner", problem.GetProperty("budget").GetString());
        Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 10);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await otherPartner.GetAsync(path, Cancel)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await vendor.GetAsync(path, Cancel)).StatusCode);

        // Requests without a valid token are counted before they are refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path, Cancel)).StatusCode);
        var flooded = await anonymous.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.TooManyRequests, flooded.StatusCode);
        Assert.Equal("anonymous budget: 1 requests per 1 min", (await flooded.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString());
        Assert.NotNull(flooded.Headers.RetryAfter);
    }
}
