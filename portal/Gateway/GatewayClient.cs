using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcosystemMarket.Portal.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace EcosystemMarket.Portal.Gateway;

/// <summary>
/// The gateway's public API, the only way the portal reaches the services (<c>services:gateway:http:0</c>), called
/// with the signed-in user's own token, so the services decide what that user may see and do. Typed per area in
/// the <c>*Api</c> classes beside it; this class only knows HTTP: the token, an Idempotency-Key on every POST (so
/// a retry after a lost answer cannot do a thing twice), If-Match, and problem details turned into messages.
/// </summary>
public sealed class GatewayClient(HttpClient http, AuthenticationStateProvider authentication)
{
    public const string AddressKey = "services:gateway:http:0";

    // As the services write JSON: camelCase, enums as strings.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<GatewayAnswer<T>> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Get, path, body: null, ifMatch: null, cancellationToken);

    /// <summary>A POST with a fresh Idempotency-Key: the resilience handler may retry it safely.</summary>
    public Task<GatewayAnswer<T>> PostAsync<T>(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Post, path, body ?? new { }, ifMatch: null, cancellationToken);

    /// <summary>A PUT of a resource read earlier: <paramref name="ifMatch"/> is its ETag (or <c>*</c> to create it).</summary>
    public Task<GatewayAnswer<T>> PutAsync<T>(string path, object body, string ifMatch, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Put, path, body, ifMatch, cancellationToken);

    public Task<GatewayAnswer<T>> DeleteAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Delete, path, body: null, ifMatch: null, cancellationToken);

    /// <summary>A download as it comes (a CSV statement, say), or the problem instead.</summary>
    public async Task<GatewayAnswer<byte[]>> GetBytesAsync(string path, string accept, CancellationToken cancellationToken)
    {
        try
        {
            using var request = await RequestAsync(HttpMethod.Get, path, null, null, cancellationToken);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode
                ? new GatewayAnswer<byte[]>(await response.Content.ReadAsByteArrayAsync(cancellationToken), response.StatusCode, null)
                : await ProblemAsync<byte[]>(response, cancellationToken);
        }
        catch (HttpRequestException failure)
        {
            return GatewayAnswer<byte[]>.Unreachable($"The gateway cannot be reached: {failure.Message}");
        }
    }

    private async Task<GatewayAnswer<T>> SendAsync<T>(HttpMethod method, string path, object? body, string? ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            using var request = await RequestAsync(method, path, body, ifMatch, cancellationToken);
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return await ProblemAsync<T>(response, cancellationToken);
            }
            var etag = response.Headers.ETag?.ToString();
            var value = response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
                ? default
                : await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
            return new GatewayAnswer<T>(value, response.StatusCode, null, etag);
        }
        catch (HttpRequestException failure)
        {
            return GatewayAnswer<T>.Unreachable($"The gateway cannot be reached: {failure.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return GatewayAnswer<T>.Unreachable("The gateway did not answer in time. Try again.");
        }
    }

    private async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string path, object? body, string? ifMatch, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, path);
        // From the authentication state, not the HttpContext: an interactive page runs in a circuit, where there is none.
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.FindFirst(PortalSignIn.AccessTokenClaim)?.Value is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (method == HttpMethod.Post)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return request;
    }

    private static async Task<GatewayAnswer<T>> ProblemAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? title = null, detail = null;
        Dictionary<string, string[]>? errors = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
            title = problem.TryGetProperty("title", out var t) ? t.GetString() : null;
            detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
            if (problem.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                errors = e.EnumerateObject().ToDictionary(
                    field => field.Name,
                    field => field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray().Select(m => m.ToString()).ToArray() : [field.Value.ToString()],
                    StringComparer.OrdinalIgnoreCase);
            }
        }
        var message = (title, detail) switch
        {
            ({ } both, { } more) => $"{both} {more}",
            ({ } only, null) => only,
            (null, { } only) => only,
            _ => $"The gateway answered {(int)response.StatusCode} {response.ReasonPhrase}.",
        };
        if (errors is { Count: > 0 } && detail is null)
        {
            message = $"{message} {string.Join(" ", errors.SelectMany(field => field.Value))}";
        }
        return new GatewayAnswer<T>(default, response.StatusCode, message, null, errors);
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A path with the query parameters that have a value, escaped.</summary>
    public static string With(string path, params (string Name, string? Value)[] query) =>
        query.Where(q => !string.IsNullOrEmpty(q.Value)).ToArray() is { Length: > 0 } given
            ? path + "?" + string.Join("&", given.Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}"))
            : path;
}
