using System.Net;
using System.Text;
using EcosystemMarket.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EcosystemMarket.UnitTests;

public sealed class Service_tokens
{
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class CountingSource(TimeProvider clock, TimeSpan lifetime) : IServiceTokenSource
    {
        public List<string> Audiences { get; } = [];

        public Task<ServiceToken> AcquireAsync(string audience, CancellationToken cancellationToken)
        {
            Audiences.Add(audience);
            var now = clock.GetUtcNow();
            return Task.FromResult(new ServiceToken($"token-{Audiences.Count}", now, now + lifetime));
        }
    }

    private static readonly JwtSettings Settings = new(JwtSettings.DevelopmentIssuer, JwtSettings.DefaultAudience, null, null);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The validation parameters a service named <paramref name="service"/> applies to its gRPC callers.</summary>
    private static TokenValidationParameters ServiceSchemeOf(string service, string signingKey)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Jwt:SigningKey"] = signingKey;
        builder.Configuration["Jwt:ServiceName"] = service;
        builder.AddJwtAuthentication();
        var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(ServiceIdentity.Scheme).TokenValidationParameters;
    }

    [Fact]
    public async Task A_development_service_token_names_the_caller_the_role_and_the_callee_as_audience()
    {
        var key = DevelopmentTokens.NewSigningKey();
        var source = new DevelopmentServiceTokenSource(key, JwtSettings.DevelopmentIssuer, "matching", TimeProvider.System);

        var token = await source.AcquireAsync("ecosystemmarket-partners", Cancel);
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(token.Value, ServiceSchemeOf("partners", key));

        Assert.True(validated.IsValid, validated.Exception?.Message);
        Assert.Equal("matching", validated.Claims[ClaimNames.Subject]);
        Assert.Equal(Roles.Service, validated.Claims[ClaimNames.Role]);
        Assert.Equal(DevelopmentServiceTokenSource.Lifetime, token.ExpiresAt - token.IssuedAt);
        Assert.False((await new JsonWebTokenHandler().ValidateTokenAsync(token.Value, ServiceSchemeOf("matching", key))).IsValid);
    }

    [Fact]
    public async Task A_token_is_reused_until_three_quarters_of_its_life_then_renewed_one_per_callee()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var source = new CountingSource(clock, TimeSpan.FromMinutes(10));
        var tokens = new ServiceTokens(source, Settings, clock);

        Assert.Equal("token-1", await tokens.GetAsync("partners", Cancel));
        clock.Now += TimeSpan.FromMinutes(7);
        Assert.Equal("token-1", await tokens.GetAsync("partners", Cancel));
        Assert.Equal("token-2", await tokens.GetAsync("matching", Cancel));
        clock.Now += TimeSpan.FromSeconds(31);
        Assert.Equal("token-3", await tokens.GetAsync("partners", Cancel));

        Assert.Equal(["ecosystemmarket-partners", "ecosystemmarket-matching", "ecosystemmarket-partners"], source.Audiences);
    }

    [Fact]
    public async Task Concurrent_calls_share_one_renewal()
    {
        var source = new CountingSource(TimeProvider.System, TimeSpan.FromMinutes(10));
        var tokens = new ServiceTokens(source, Settings, TimeProvider.System);

        var all = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => tokens.GetAsync("partners", Cancel), Cancel)));

        Assert.All(all, token => Assert.Equal("token-1", token));
        Assert.Single(source.Audiences);
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(45, false)]
    public async Task A_token_expired_by_no_more_than_the_30_second_clock_skew_is_still_accepted(int secondsSinceExpiry, bool accepted)
    {
        var key = DevelopmentTokens.NewSigningKey();
        var lifetime = TimeSpan.FromMinutes(10);
        var token = DevelopmentTokens.CreateService(key, "brokering", "ecosystemmarket-matching",
            DateTimeOffset.UtcNow - lifetime - TimeSpan.FromSeconds(secondsSinceExpiry), lifetime);

        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(token, ServiceSchemeOf("matching", key));

        Assert.Equal(accepted, validated.IsValid);
    }

    [Fact]
    public async Task With_an_authority_a_token_comes_from_its_token_endpoint_by_client_credentials()
    {
        var requests = new List<(HttpMethod Method, Uri Uri, string? Authorization, string Body)>();
        var handler = new Answering(async request =>
        {
            requests.Add((request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(),
                request.Content is null ? "" : await request.Content.ReadAsStringAsync()));
            return request.RequestUri!.AbsolutePath.EndsWith("openid-configuration", StringComparison.Ordinal)
                ? Json("""{"issuer":"https://id.example.com/","token_endpoint":"https://id.example.com/oauth/token"}""")
                : Json("""{"access_token":"issued","token_type":"Bearer","expires_in":600}""");
        });
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var source = new ClientCredentialsTokenSource(new HttpClient(handler), "https://id.example.com/", "matching", "s3cret:/", "api://{audience}/.default", clock);

        var token = await source.AcquireAsync("ecosystemmarket-partners", Cancel);
        await source.AcquireAsync("ecosystemmarket-matching", Cancel);

        Assert.Equal(new ServiceToken("issued", clock.Now, clock.Now.AddSeconds(600)), token);
        Assert.Equal(3, requests.Count);
        Assert.Equal(new Uri("https://id.example.com/.well-known/openid-configuration"), requests[0].Uri);
        Assert.Equal(HttpMethod.Post, requests[1].Method);
        Assert.Equal(new Uri("https://id.example.com/oauth/token"), requests[1].Uri);
        Assert.Equal($"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("matching:s3cret%3A%2F"))}", requests[1].Authorization);
        Assert.Equal("grant_type=client_credentials&audience=ecosystemmarket-partners&scope=api%3A%2F%2Fecosystemmarket-partners%2F.default", requests[1].Body);
    }

    [Fact]
    public async Task An_authority_that_refuses_says_why()
    {
        var handler = new Answering(request => Task.FromResult(request.Method == HttpMethod.Get
            ? Json("""{"token_endpoint":"https://id.example.com/token"}""")
            : Json("""{"error":"invalid_client","error_description":"Unknown client."}""", HttpStatusCode.Unauthorized)));
        var source = new ClientCredentialsTokenSource(new HttpClient(handler), "https://id.example.com", "matching", "wrong", null, TimeProvider.System);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => source.AcquireAsync("ecosystemmarket-partners", Cancel));

        Assert.Contains("invalid_client Unknown client.", refused.Message);
        Assert.Contains("401", refused.Message);
    }

    private static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private sealed class Answering(Func<HttpRequestMessage, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer(request);
    }
}
