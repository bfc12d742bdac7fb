using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.JourneyBenchmark;

/// <summary>
/// The public API through the gateway, each call made as a partner (a token minted with the system's key, once per
/// partner) and timed. A non-2xx answer is a value, not an exception: the harness counts it and goes on.
/// </summary>
public sealed class Gateway(HttpClient http, string signingKey)
{
    private readonly Dictionary<Guid, string> _tokens = [];

    public sealed record Answer(HttpStatusCode Status, JsonElement Body, double Milliseconds)
    {
        public bool Succeeded => (int)Status is >= 200 and < 300;
    }

    public async Task<Answer> SendAsync(Guid partner, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token(partner)) },
            Content = body is null ? null : JsonContent.Create(body),
        };
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var json = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var parsed = response.IsSuccessStatusCode && json.Length > 0 ? JsonDocument.Parse(json).RootElement.Clone() : default;
            return new Answer(response.StatusCode, parsed, elapsed);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Refused, reset or timed out: an error like a 5xx, counted under status 0 ("no answer").
            return new Answer(NoAnswer, default, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public const HttpStatusCode NoAnswer = 0;

    private string Token(Guid partner)
    {
        lock (_tokens)
        {
            if (!_tokens.TryGetValue(partner, out var token))
            {
                _tokens[partner] = token = DevelopmentTokens.Create(signingKey, Roles.Partner, partner);
            }
            return token;
        }
    }
}
