using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ServiceTests;

/// <summary>
/// Every POST and PUT a service documents, sent bodies it cannot read: each answer is a 4xx problem that names no .NET
/// type. The operations and their fields come from the service's OpenAPI document, so endpoints added later are tried too.
/// </summary>
public abstract class Malformed_requests(Func<HttpClient> createClient)
{
    private static readonly string[] TypeNames = ["System.", "Microsoft.", "EcosystemMarket.", "JsonException", "Nullable", "Int32", "Int64", "Decimal", "Guid", "DateOnly", "DateTimeOffset", "`1", "Request "];

    private static readonly string[] WrongValues = ["{\"a\":1}", "[1,2]", "1e400", "99999999999999999999999999999999999", "\"not-a-guid-or-date\"", "true", "\"2025-13-45\""];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_post_and_put_answers_unreadable_bodies_with_a_4xx_problem_naming_no_dotnet_type()
    {
        using var client = createClient().ActingFor(Guid.NewGuid());
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Cancel);
        var tried = 0;
        foreach (var (path, method, body, required) in BodyOperations(document))
        {
            var url = System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]+\\}", Guid.NewGuid().ToString());
            var bodies = new[] { "{\"name\": ", "[]", "\"text\"", "42" }
                .Concat(Fields(document, body).SelectMany(field => WrongValues.Select(value => $"{{\"{field}\": {value}}}")));
            foreach (var text in bodies)
            {
                await AssertReadableProblemAsync(client, new HttpMethod(method), url, new StringContent(text, Encoding.UTF8, "application/json"), text);
                tried++;
            }
            // An optional body of another type is left unread, so the operation answers as without one.
            await AssertReadableProblemAsync(client, new HttpMethod(method), url, new StringContent("name=x", Encoding.UTF8, "text/plain"), "text/plain",
                required ? HttpStatusCode.UnsupportedMediaType : null);
        }
        Assert.True(tried > 10, $"Only {tried} malformed bodies were tried.");
    }

    [Fact]
    public async Task Query_values_of_the_wrong_type_are_problems_naming_no_dotnet_type()
    {
        using var client = createClient().ActingFor(Guid.NewGuid());
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Cancel);
        var queries = document.GetProperty("paths").EnumerateObject()
            .Where(path => path.Value.TryGetProperty("get", out var get) && get.TryGetProperty("parameters", out _))
            .SelectMany(path => path.Value.GetProperty("get").GetProperty("parameters").EnumerateArray()
                .Where(p => p.GetProperty("in").GetString() == "query")
                .Select(p => (Path: path.Name, Name: p.GetProperty("name").GetString()!)))
            .ToList();

        Assert.NotEmpty(queries);
        var refused = 0;
        foreach (var (path, name) in queries)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]+\\}", Guid.NewGuid().ToString()) + $"?{name}=%7Bnot%20a%20value%7D";
            var response = await client.GetAsync(url, Cancel);
            Assert.True((int)response.StatusCode < 500, $"GET {url} answered {(int)response.StatusCode}.");
            if (!response.IsSuccessStatusCode)
            {
                await AssertReadableProblemAsync(client, HttpMethod.Get, url, null, name);
                refused++;
            }
        }
        // Every service has a number, date or closed-list query parameter that cannot read "{not a value}".
        Assert.True(refused > 0, "No query value was refused.");
    }

    [Fact]
    public async Task A_wrong_method_and_a_malformed_route_id_are_problems_too()
    {
        using var client = createClient().ActingFor(Guid.NewGuid());
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Cancel);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        var path = paths.First(p => !p.Contains('{'));
        var withId = paths.FirstOrDefault(p => p.Contains("{id}")) ?? path;

        await AssertReadableProblemAsync(client, HttpMethod.Patch, path, new StringContent("{}", Encoding.UTF8, "application/json"), "PATCH", HttpStatusCode.MethodNotAllowed);
        var notAnId = await client.GetAsync(withId.Replace("{id}", "not-a-guid"), Cancel);
        Assert.True((int)notAnId.StatusCode is >= 400 and < 500, $"GET {withId} with a malformed id answered {notAnId.StatusCode}.");
        Assert.Equal("application/problem+json", notAnId.Content.Headers.ContentType?.MediaType);
    }

    private static async Task AssertReadableProblemAsync(HttpClient client, HttpMethod method, string url, HttpContent? content, string sent, HttpStatusCode? status = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        var response = await client.SendAsync(request, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{method} {url} with {sent} answered {(int)response.StatusCode}: {text}");
        if (status is { } expected)
        {
            Assert.True(expected == response.StatusCode, $"{method} {url} with {sent} answered {(int)response.StatusCode}, not {(int)expected}: {text}");
        }
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{method} {url} with {sent} answered {response.Content.Headers.ContentType}.");
        var problem = JsonDocument.Parse(text).RootElement;
        var words = string.Join(" ", new[] { "title", "detail" }.Select(p => problem.TryGetProperty(p, out var v) ? v.GetString() : null))
            + (problem.TryGetProperty("errors", out var errors) ? errors.GetRawText() : "");
        Assert.False(TypeNames.Any(words.Contains), $"{method} {url} with {sent} named a .NET type: {words}");
    }

    private static IEnumerable<(string Path, string Method, JsonElement Body, bool Required)> BodyOperations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(method => method.Name is "post" or "put" && method.Value.TryGetProperty("requestBody", out _))
            .Select(method => (path.Name, method.Name.ToUpperInvariant(),
                method.Value.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"),
                method.Value.GetProperty("requestBody").TryGetProperty("required", out var required) && required.GetBoolean())));

    private static IEnumerable<string> Fields(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }
        return schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => p.Name) : [];
    }
}

public sealed class Malformed_requests_to_partners(PartnersFixture fixture) : Malformed_requests(fixture.Host.CreateClient), IClassFixture<PartnersFixture>;

public sealed class Malformed_requests_to_matching(MatchingFixture fixture) : Malformed_requests(fixture.Host.CreateClient), IClassFixture<MatchingFixture>;

public sealed class Malformed_requests_to_brokering(BrokeringFixture fixture) : Malformed_requests(fixture.Host.CreateClient), IClassFixture<BrokeringFixture>;

public sealed class Malformed_requests_to_settlement(SettlementFixture fixture) : Malformed_requests(fixture.Host.CreateClient), IClassFixture<SettlementFixture>;
