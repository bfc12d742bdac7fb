using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ServiceTests;

/// <summary>
/// Each service's OpenAPI document, read as JSON: what it says of security, problems and servers holds for every
/// operation, so an endpoint added later is held to it without a line here.
/// </summary>
public abstract class OpenApi_document(Func<HttpClient> createClient)
{
    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected async Task<JsonElement> DocumentAsync(string? forwardedHost = null)
    {
        using var client = createClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        if (forwardedHost is not null)
        {
            request.Headers.Add("X-Forwarded-Host", forwardedHost);
            request.Headers.Add("X-Forwarded-Proto", "https");
        }
        var response = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    protected static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(method => method.Name is "get" or "post" or "put" or "delete" or "patch")
            .Select(method => (path.Name, method.Name, method.Value)));

    protected static JsonElement Schema(JsonElement document, string name) => document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static void AssertProblem(JsonElement operation, string status, string path, string schema = "ProblemDetails")
    {
        Assert.True(operation.GetProperty("responses").TryGetProperty(status, out var response), $"{path} does not document {status}.");
        Assert.Equal($"#/components/schemas/{schema}",
            response.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task Declares_the_bearer_scheme_and_every_operation_requires_it_with_its_401_403_and_429_problems()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal("JWT", scheme.GetProperty("bearerFormat").GetString());
        Assert.True(Schema(document, "ProblemDetails").GetProperty("properties").TryGetProperty("status", out _));
        var operations = Operations(document).ToList();
        Assert.NotEmpty(operations);
        foreach (var (path, method, operation) in operations)
        {
            Assert.Contains(operation.GetProperty("security").EnumerateArray(), requirement => requirement.TryGetProperty("Bearer", out _));
            foreach (var status in new[] { "401", "403", "429" })
            {
                AssertProblem(operation, status, $"{method} {path}");
            }
        }
    }

    [Fact]
    public async Task Documents_404_for_route_ids_409_and_422_for_posts_and_412_and_428_for_puts()
    {
        var document = await DocumentAsync();

        foreach (var (path, method, operation) in Operations(document))
        {
            if (path.Contains('{'))
            {
                AssertProblem(operation, "404", $"{method} {path}");
            }
            if (method is "post" or "put")
            {
                AssertProblem(operation, "409", $"{method} {path}");
                AssertProblem(operation, "400", $"{method} {path}", "HttpValidationProblemDetails");
            }
            if (method == "post")
            {
                AssertProblem(operation, "422", $"{method} {path}");
            }
            if (method == "put")
            {
                AssertProblem(operation, "412", $"{method} {path}");
                AssertProblem(operation, "428", $"{method} {path}");
            }
        }
    }

    [Fact]
    public async Task Names_the_gateway_as_its_server_never_the_service_s_own_address()
    {
        var direct = await DocumentAsync();
        var forwarded = await DocumentAsync(forwardedHost: "api.example.test:8443");

        Assert.Equal("/", Assert.Single(direct.GetProperty("servers").EnumerateArray()).GetProperty("url").GetString());
        Assert.Equal("https://api.example.test:8443", Assert.Single(forwarded.GetProperty("servers").EnumerateArray()).GetProperty("url").GetString());
        Assert.DoesNotContain("localhost", direct.GetRawText());
    }
}

public sealed class Partners_openapi_document(PartnersFixture fixture) : OpenApi_document(fixture.Host.CreateClient), IClassFixture<PartnersFixture>
{
    [Fact]
    public async Task Profiles_say_what_validation_requires_and_the_closed_lists_it_accepts()
    {
        var profile = Schema(await DocumentAsync(), "PartnerProfile");

        Assert.Equal(["capabilities", "category", "name", "partnerFunction", "regions", "tier"],
            profile.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Order());
        var properties = profile.GetProperty("properties");
        Assert.Equal(["registered", "ready", "advanced", "premier"], properties.GetProperty("tier").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("sales", properties.GetProperty("partnerFunction").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("storage", properties.GetProperty("specializations").GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }
}

public sealed class Matching_openapi_document(MatchingFixture fixture) : OpenApi_document(fixture.Host.CreateClient), IClassFixture<MatchingFixture>;

public sealed class Brokering_openapi_document(BrokeringFixture fixture) : OpenApi_document(fixture.Host.CreateClient), IClassFixture<BrokeringFixture>
{
    [Fact]
    public async Task Opportunities_list_their_statuses_and_a_post_what_validation_requires()
    {
        var document = await DocumentAsync();

        var status = Schema(document, "OpportunityView").GetProperty("properties").GetProperty("status");
        var statusSchema = status.TryGetProperty("$ref", out var reference) ? Schema(document, reference.GetString()!.Split('/')[^1]) : status;
        Assert.Contains("Won", statusSchema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var post = Schema(document, "PostOpportunityRequest");
        // Needs may be left out around a blueprint (its capabilities become the must-haves); without one, validation asks for them.
        Assert.Equal(["currency", "customer", "estimatedValue", "industry", "region", "size"],
            post.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Equal(["small", "medium", "large", "enterprise"],
            post.GetProperty("properties").GetProperty("size").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }
}

public sealed class Settlement_openapi_document(SettlementFixture fixture) : OpenApi_document(fixture.Host.CreateClient), IClassFixture<SettlementFixture>;
