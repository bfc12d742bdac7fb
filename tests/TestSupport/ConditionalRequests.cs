using System.Net.Http.Json;

namespace EcosystemMarket.TestSupport;

/// <summary>PUTs as the API wants them: conditional on the version they replace, or on there being none yet.</summary>
public static class ConditionalRequests
{
    /// <summary>Creates what the path names (<c>If-None-Match: *</c>): 201, or 412 when it exists.</summary>
    public static Task<HttpResponseMessage> PutNewAsJsonAsync<T>(this HttpClient client, string path, T body, CancellationToken cancellationToken) =>
        client.PutConditionallyAsync(path, body, "If-None-Match", "*", cancellationToken);

    /// <summary>Replaces the version the ETag names (<c>If-Match</c>): 412 when it changed since.</summary>
    public static Task<HttpResponseMessage> PutIfMatchAsJsonAsync<T>(this HttpClient client, string path, string etag, T body, CancellationToken cancellationToken) =>
        client.PutConditionallyAsync(path, body, "If-Match", etag, cancellationToken);

    private static async Task<HttpResponseMessage> PutConditionallyAsync<T>(this HttpClient client, string path, T body, string header, string value,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation(header, value);
        return await client.SendAsync(request, cancellationToken);
    }
}
