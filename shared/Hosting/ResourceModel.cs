namespace EcosystemMarket.Hosting;

/// <summary>
/// What the app host's resource service tells the dashboard (JSON over HTTP, camelCase, enums as strings).
/// The dashboard calls it with the header <c>x-resource-service-key</c>; without a resource service configured
/// the dashboard still shows metrics and the ecosystem, only not processes.
/// <list type="bullet">
/// <item><c>GET /resources</c> → <see cref="ResourceSnapshot"/>[]</item>
/// <item><c>GET /resources/{name}/logs?after={sequence}&amp;limit={n}</c> → <see cref="LogPage"/> (oldest first)</item>
/// <item><c>POST /resources/{name}/start | stop | restart</c> → 202, 404 unknown resource, 409 not allowed in this state</item>
/// </list>
/// </summary>
public enum ResourceState { Starting, Running, Unhealthy, Stopping, Exited, NotStarted }

public sealed record ResourceSnapshot(
    string Name,
    string Kind,
    ResourceState State,
    DateTimeOffset? StartedAt,
    int? ProcessId,
    int? ExitCode,
    int Restarts,
    IReadOnlyList<ResourceUrl> Urls,
    HealthReport? Health);

public sealed record ResourceUrl(string Name, string Url);

/// <summary>The last health probe of a resource: its status word, when it ran, and why it failed if it did.</summary>
public sealed record HealthReport(string Status, DateTimeOffset CheckedAt, string? Detail);

/// <summary>One console line, numbered per resource from 1 across restarts.</summary>
public sealed record LogLine(long Sequence, DateTimeOffset Timestamp, string Text, bool IsError);

/// <summary>A page of console lines after a sequence number; <see cref="Next"/> is the sequence to ask after next time.</summary>
public sealed record LogPage(IReadOnlyList<LogLine> Lines, long Next);

public static class ResourceServiceDefaults
{
    /// <summary>The configuration key of the resource service's URL, as Aspire's dashboard names it.</summary>
    public const string UrlKey = "DOTNET_RESOURCE_SERVICE_ENDPOINT_URL";
    public const string ApiKeyKey = "Dashboard:ResourceServiceClient:ApiKey";
    public const string ApiKeyHeader = "x-resource-service-key";
}
