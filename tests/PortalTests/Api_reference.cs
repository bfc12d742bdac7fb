using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EcosystemMarket.PortalTests;

/// <summary>The API reference and the documents it lists, read anonymously through the gateway in front of the real services.</summary>
public sealed class Api_reference(PortalSystem system) : IClassFixture<PortalSystem>
{
    private static readonly string[] Services = ["partners", "matching", "brokering", "settlement"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Is_served_by_the_gateway_with_its_own_script_and_lists_every_service_s_document()
    {
        using var api = system.Api();

        var page = await api.GetAsync("/api-reference", Cancel);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync(Cancel);
        // Sources relative to the gateway's root (Scalar resolves them against the page's base path), so "try it" calls the gateway too.
        foreach (var service in Services)
        {
            Assert.Contains($"\"url\":\"openapi/{service}.json\"", html);
        }
        // The script comes from the gateway (Scalar.AspNetCore's bundled copy), never from a CDN: there may be no internet.
        var scripts = Regex.Matches(html, "<script[^>]*src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.DoesNotContain(scripts, src => src.StartsWith("http", StringComparison.OrdinalIgnoreCase) || src.StartsWith("//", StringComparison.Ordinal));
        foreach (var src in scripts)
        {
            var script = await api.GetAsync(new Uri(new Uri(system.Gateway, "/api-reference/"), src), Cancel);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Contains("javascript", script.Content.Headers.ContentType?.MediaType);
            Assert.True((await script.Content.ReadAsByteArrayAsync(Cancel)).Length > 1_000, $"{src} is nearly empty.");
        }
    }

    [Fact]
    public async Task Each_document_read_through_the_gateway_names_the_gateway_as_its_server()
    {
        using var api = system.Api();

        foreach (var service in Services)
        {
            var document = await api.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json", Cancel);

            var server = Assert.Single(document.GetProperty("servers").EnumerateArray()).GetProperty("url").GetString();
            Assert.Equal(system.Gateway.GetLeftPart(UriPartial.Authority), server);
            Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _), $"{service} has no bearer scheme.");
        }
    }
}
