using EcosystemMarket.Contracts.Matching;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using EcosystemMarket.Dashboard.Metrics;

namespace EcosystemMarket.Dashboard.Ecosystem;

/// <summary>A relationship view or why there is none.</summary>
public sealed record RelationshipsAnswer(RelationshipsView? View, string? Problem);

/// <summary>Matching's relationship health, through the gateway, with the caller's token: the service decides what the caller may see.</summary>
public sealed class RelationshipsClient(HttpClient http, IConfiguration configuration)
{
    /// <summary>The most active pairs are shown; the rest are a count (Matching pages them for other readers).</summary>
    public const int Shown = 50;

    public async Task<RelationshipsAnswer> GetAsync(string? bearerToken, int windowDays, Guid? partnerId, CancellationToken cancellationToken = default)
    {
        if (configuration[ScrapeTargets.GatewayKey] is not { Length: > 0 } gateway)
        {
            return new RelationshipsAnswer(null, $"No gateway is configured ({ScrapeTargets.GatewayKey}).");
        }
        if (bearerToken is null)
        {
            return new RelationshipsAnswer(null, "No token to call the gateway with (configure Dashboard:ServiceToken for the operator).");
        }
        var query = $"api/matching/relationships?windowDays={windowDays}&limit={Shown}" + (partnerId is { } id ? $"&partnerId={id}" : "");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(gateway), query));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new RelationshipsAnswer(null, $"The gateway answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
            return new RelationshipsAnswer(await response.Content.ReadFromJsonAsync<RelationshipsView>(DashboardJson.Options, cancellationToken), null);
        }
        catch (HttpRequestException failure)
        {
            return new RelationshipsAnswer(null, $"The gateway cannot be reached: {failure.Message}");
        }
    }
}
