using System.Net;
using System.Net.Http.Json;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.PortalTests;

/// <summary>The gateway passes Idempotency-Key to the services and their Idempotent-Replayed answer back.</summary>
public sealed class Retries_through_the_gateway(PortalSystem system) : IClassFixture<PortalSystem>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_retried_registration_with_its_key_is_replayed_not_refused_as_a_duplicate()
    {
        using var api = system.Api().ActingFor(Guid.NewGuid());
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Register()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/partners")
            {
                Content = JsonContent.Create(new
                {
                    name = "Retrying Storage", partnerFunction = "solution", category = "isv", tier = "advanced", regions = new[] { "US" },
                    capabilities = new[] { new { code = "storage", proficiency = "expert" } },
                }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        var first = await api.SendAsync(Register(), Cancel);
        var retry = await api.SendAsync(Register(), Cancel);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, retry.StatusCode));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancel), await retry.Content.ReadAsStringAsync(Cancel));
    }
}
