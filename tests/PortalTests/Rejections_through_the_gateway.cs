using System.Net;
using System.Text;
using System.Text.Json;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.PortalTests;

/// <summary>What the web servers refuse before any handler runs reaches a caller of the gateway as problem details naming no .NET type.</summary>
public sealed class Rejections_through_the_gateway(PortalSystem system) : IClassFixture<PortalSystem>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Malformed_json_a_wrong_content_type_a_wrong_method_and_a_malformed_id_are_problems()
    {
        using var api = system.Api().ActingFor(Guid.NewGuid());

        var answers = new[]
        {
            (await api.PostAsync("/api/opportunities", Json("{\"estimatedValue\": \"lots\", \"closeDate\": \"2025-13-45\"}"), Cancel), HttpStatusCode.BadRequest),
            (await api.PostAsync("/api/opportunities", Json("{\"customer\": "), Cancel), HttpStatusCode.BadRequest),
            (await api.PostAsync("/api/opportunities", new StringContent("customer=x", Encoding.UTF8, "text/plain"), Cancel), HttpStatusCode.UnsupportedMediaType),
            (await api.SendAsync(new HttpRequestMessage(HttpMethod.Patch, "/api/opportunities") { Content = Json("{}") }, Cancel), HttpStatusCode.MethodNotAllowed),
            (await api.GetAsync("/api/opportunities/not-a-guid", Cancel), HttpStatusCode.NotFound),
        };

        foreach (var (response, status) in answers)
        {
            var text = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(status == response.StatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal((int)status, JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32());
            Assert.DoesNotContain("System.", text);
            Assert.DoesNotContain("Request\"", text);
        }
        var fields = JsonDocument.Parse(await answers[0].Item1.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("errors");
        Assert.True(fields.TryGetProperty("estimatedValue", out _), fields.GetRawText());
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
