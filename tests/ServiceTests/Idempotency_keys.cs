using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Idempotency;
using EcosystemMarket.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.ServiceTests;

/// <summary>Idempotency-Key on POST, through Brokering (every service runs the same middleware and table).</summary>
public sealed class Idempotency_keys(BrokeringFixture fixture) : IClassFixture<BrokeringFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Posting(string customer = "Umbrella Corp") => JsonSerializer.Serialize(new
    {
        customer = new { name = customer }, industry = "pharma", region = "US", size = "large",
        needs = new[] { new { capability = "networking.sd-wan", mustHave = true } }, estimatedValue = 90000m, currency = "USD",
    });

    private static HttpRequestMessage Post(string body, string? key, string path = "/api/opportunities")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKey.HeaderName, key);
        }
        return request;
    }

    private async Task<int> OpportunitiesOfAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/opportunities?limit=100", Cancel);
        return page.GetProperty("items").GetArrayLength();
    }

    private static bool Replayed(HttpResponseMessage response) =>
        response.Headers.TryGetValues(IdempotencyKey.ReplayedHeaderName, out var values) && values.Single() == "true";

    [Fact]
    public async Task A_retry_with_the_key_replays_the_first_answer_and_creates_nothing_new()
    {
        var client = fixture.Host.ClientFor(Guid.NewGuid());
        var key = Guid.NewGuid().ToString();

        var first = await client.SendAsync(Post(Posting(), key), Cancel);
        var retry = await client.SendAsync(Post(Posting(), key), Cancel);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(Replayed(first));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.True(Replayed(retry));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Content.Headers.ContentType, retry.Content.Headers.ContentType);
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancel), await retry.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(1, await OpportunitiesOfAsync(client));
    }

    [Fact]
    public async Task Without_a_key_each_post_runs()
    {
        var client = fixture.Host.ClientFor(Guid.NewGuid());

        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Post(Posting(), key: null), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Post(Posting(), key: null), Cancel)).StatusCode);

        Assert.Equal(2, await OpportunitiesOfAsync(client));
    }

    [Fact]
    public async Task The_key_with_another_body_or_path_is_a_422_problem()
    {
        var client = fixture.Host.ClientFor(Guid.NewGuid());
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Post(Posting(), key), Cancel)).StatusCode);

        var otherBody = await (await client.SendAsync(Post(Posting("Cyberdyne"), key), Cancel)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var otherPath = await (await client.SendAsync(Post(Posting(), key, "/api/deal-registrations"), Cancel)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("Idempotency-Key reused with different parameters", otherBody.GetProperty("title").GetString());
        Assert.Equal("Idempotency-Key reused with different parameters", otherPath.GetProperty("title").GetString());
        Assert.Equal(1, await OpportunitiesOfAsync(client));
    }

    [Fact]
    public async Task Another_caller_with_the_same_key_gets_its_own_answer()
    {
        var (alice, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var key = Guid.NewGuid().ToString();

        var first = await fixture.Host.ClientFor(alice).SendAsync(Post(Posting(), key), Cancel);
        var second = await fixture.Host.ClientFor(bob).SendAsync(Post(Posting(), key), Cancel);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.False(Replayed(second));
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await OpportunitiesOfAsync(fixture.Host.ClientFor(bob)));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_run_it_once()
    {
        var client = fixture.Host.ClientFor(Guid.NewGuid());
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.SendAsync(Post(Posting(), key), Cancel)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created && !Replayed(a));
        // The others came while it ran (409) or after (its answer, replayed).
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Equal(1, await OpportunitiesOfAsync(client));
    }

    [Fact]
    public async Task A_request_while_the_first_with_its_key_is_in_flight_is_a_409_and_does_not_run()
    {
        var owner = Guid.NewGuid();
        var client = fixture.Host.ClientFor(owner);
        var key = Guid.NewGuid().ToString();
        await ClaimAsIfInFlightAsync(owner, key, Posting(), fixture.Clock.GetUtcNow());

        await (await client.SendAsync(Post(Posting(), key), Cancel)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(0, await OpportunitiesOfAsync(client));
    }

    [Fact]
    public async Task A_claim_abandoned_by_a_dead_process_is_taken_over_by_the_retry()
    {
        var owner = Guid.NewGuid();
        var client = fixture.Host.ClientFor(owner);
        var key = Guid.NewGuid().ToString();
        await ClaimAsIfInFlightAsync(owner, key, Posting(), fixture.Clock.GetUtcNow() - TimeSpan.FromHours(1));

        var retry = await client.SendAsync(Post(Posting(), key), Cancel);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(1, await OpportunitiesOfAsync(client));
    }

    [Fact]
    public async Task A_4xx_answer_is_kept_and_replayed()
    {
        var client = fixture.Host.ClientFor(Guid.NewGuid());
        var key = Guid.NewGuid().ToString();
        var invalid = JsonSerializer.Serialize(new { industry = "pharma" });

        var first = await client.SendAsync(Post(invalid, key), Cancel);
        var retry = await client.SendAsync(Post(invalid, key), Cancel);

        await first.AssertProblemAsync(HttpStatusCode.BadRequest);
        await retry.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(Replayed(retry));
    }

    [Theory]
    [InlineData("clé")]
    [InlineData("tab\there")]
    public async Task A_key_that_is_not_1_to_255_printable_ascii_characters_is_a_400_problem(string key)
    {
        var client = fixture.Host.ClientFor(Guid.NewGuid());

        var problem = await (await client.SendAsync(Post(Posting(), key), Cancel)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var tooLong = await client.SendAsync(Post(Posting(), new string('k', 256)), Cancel);

        Assert.Contains(IdempotencyKey.HeaderName, problem.GetProperty("title").GetString());
        await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, await OpportunitiesOfAsync(client));
    }

    [Fact]
    public async Task The_openapi_document_names_the_header_on_post_operations()
    {
        var document = await fixture.Host.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Cancel);

        var parameters = document.GetProperty("paths").GetProperty("/api/opportunities").GetProperty("post").GetProperty("parameters");
        Assert.Contains(parameters.EnumerateArray(), p => p.GetProperty("name").GetString() == IdempotencyKey.HeaderName && p.GetProperty("in").GetString() == "header");
    }

    /// <summary>What another replica's claim looks like while its request runs.</summary>
    private async Task ClaimAsIfInFlightAsync(Guid partner, string key, string body, DateTimeOffset at)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimNames.Subject, $"{Roles.Partner}-{partner}"), new Claim(ClaimNames.PartnerId, partner.ToString())]));
        var request = RequestFingerprint.Of("POST", "/api/opportunities", Encoding.UTF8.GetBytes(body));
        var store = fixture.Host.Services.GetRequiredService<IIdempotencyStore>();
        Assert.Null(await store.ClaimAsync(IdempotencyKey.CallerOf(user)!, key, request, at, Cancel));
    }
}
