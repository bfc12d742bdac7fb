using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.Contracts.Matching;

namespace EcosystemMarket.Portal.Gateway;

/// <summary>
/// The gateway's public API, the only way the portal reaches the services (<c>services:gateway:http:0</c>), called
/// with the signed-in user's token (<see cref="CallerTokenHandler"/>).
/// </summary>
public sealed class GatewayClient(HttpClient http)
{
    public const string AddressKey = "services:gateway:http:0";

    /// <summary>The most active pairs are shown; the rest are a count.</summary>
    public const int RelationshipsShown = 50;

    // As the services write JSON: camelCase, enums as strings.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public Task<GatewayAnswer<PartnerFigures>> PartnerFiguresAsync(string? vendor, CancellationToken cancellationToken) =>
        GetAsync<PartnerFigures>(With("api/partners/figures", ("vendor", vendor)), cancellationToken);

    public Task<GatewayAnswer<OpportunityFigures>> OpportunityFiguresAsync(string? vendor, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        GetAsync<OpportunityFigures>(With("api/opportunities/figures", ("vendor", vendor), ("from", Day(from)), ("to", Day(to))), cancellationToken);

    public Task<GatewayAnswer<RewardFigures>> RewardFiguresAsync(string? vendor, CancellationToken cancellationToken) =>
        GetAsync<RewardFigures>(With("api/rewards/figures", ("vendor", vendor)), cancellationToken);

    public Task<GatewayAnswer<RelationshipsView>> RelationshipsAsync(string? vendor, int windowDays, CancellationToken cancellationToken) =>
        GetAsync<RelationshipsView>(With("api/matching/relationships",
            ("windowDays", windowDays.ToString(CultureInfo.InvariantCulture)), ("limit", RelationshipsShown.ToString(CultureInfo.InvariantCulture)), ("vendor", vendor)),
            cancellationToken);

    private async Task<GatewayAnswer<T>> GetAsync<T>(string path, CancellationToken cancellationToken) where T : class
    {
        try
        {
            using var response = await http.GetAsync(path, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var problem = await ProblemTitleAsync(response, cancellationToken);
                return new GatewayAnswer<T>(null, $"The gateway answered {(int)response.StatusCode} {response.ReasonPhrase}{(problem is null ? "" : $": {problem}")}.");
            }
            return new GatewayAnswer<T>(await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken), null);
        }
        catch (HttpRequestException failure)
        {
            return new GatewayAnswer<T>(null, $"The gateway cannot be reached: {failure.Message}");
        }
    }

    private static async Task<string?> ProblemTitleAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        return problem.TryGetProperty("title", out var title) ? title.GetString() : null;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string With(string path, params (string Name, string? Value)[] query) =>
        path + "?" + string.Join("&", query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}"));
}
