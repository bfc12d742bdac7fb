using System.Net.Http.Json;
using EcosystemMarket.Hosting;

namespace EcosystemMarket.Dashboard.Resources;

public enum ResourceCommand { Start, Stop, Restart }

/// <summary>
/// The app host's resource service (<see cref="ResourceServiceDefaults"/>): the processes it runs and their console
/// output. Absent when the dashboard runs on its own next to services it did not start.
/// </summary>
public sealed class ResourceServiceClient(HttpClient http)
{
    public bool IsConfigured => http.BaseAddress is not null;

    public async Task<IReadOnlyList<ResourceSnapshot>> ResourcesAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<List<ResourceSnapshot>>("resources", DashboardJson.Options, cancellationToken) ?? [];

    public async Task<LogPage> LogsAsync(string resource, long after, int limit, CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<LogPage>($"resources/{Uri.EscapeDataString(resource)}/logs?after={after}&limit={limit}", DashboardJson.Options, cancellationToken)
        ?? new LogPage([], after);

    /// <summary>Asks for a start, stop or restart; returns why it was refused, or null when accepted.</summary>
    public async Task<string?> SendAsync(string resource, ResourceCommand command, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync($"resources/{Uri.EscapeDataString(resource)}/{command.ToString().ToLowerInvariant()}", null, cancellationToken);
        return response.IsSuccessStatusCode ? null : $"{command} {resource}: {(int)response.StatusCode} {response.ReasonPhrase}";
    }

    public static void Configure(HttpClient http, IConfiguration configuration)
    {
        if (configuration[ResourceServiceDefaults.UrlKey] is { Length: > 0 } url)
        {
            http.BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/");
        }
        if (configuration[ResourceServiceDefaults.ApiKeyKey] is { Length: > 0 } key)
        {
            http.DefaultRequestHeaders.Add(ResourceServiceDefaults.ApiKeyHeader, key);
        }
        http.Timeout = TimeSpan.FromSeconds(10);
    }
}
