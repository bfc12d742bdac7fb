using System.Collections.Concurrent;
using EcosystemMarket.Contracts.Telemetry;
using EcosystemMarket.Hosting;
using EcosystemMarket.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Tags = EcosystemMarket.Contracts.Telemetry.EcosystemMetrics.Tags;

namespace EcosystemMarket.BrowserTests;

/// <summary>
/// Everything the dashboard reads, faked in one small web app the tests control: the app host's resource service,
/// a service's /metrics (traffic and the ecosystem's figures per vendor), RabbitMQ's management API and, on a
/// second port, the gateway's relationship view.
/// </summary>
public sealed class FakeSources : IAsyncDisposable
{
    public const string ApiKey = "resource-service-key";
    public const string ErrorQueue = "settlement-opportunity-won_error";
    private static readonly double[] Seconds = [1, 60, 3600, 86400];
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<LogLine>> _logs = new();
    private readonly ConcurrentDictionary<string, int> _posted = new() { ["vendor-a"] = 3, ["vendor-b"] = 7 };
    private readonly System.Diagnostics.Stopwatch _uptime = System.Diagnostics.Stopwatch.StartNew();

    public static readonly IReadOnlyList<ResourceSnapshot> Resources =
    [
        Resource("rabbitmq", "Broker", ResourceState.Running),
        Resource("partners", "Service", ResourceState.Running),
        Resource("matching", "Service", ResourceState.Unhealthy),
        Resource("brokering", "Service", ResourceState.Running),
        Resource("settlement", "Service", ResourceState.Exited) with { ExitCode = 134, Restarts = 2 },
        Resource("gateway", "Gateway", ResourceState.Starting),
    ];

    public FakeSources()
    {
        ServicePort = FreePort.Next();
        GatewayPort = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{ServicePort}", $"http://127.0.0.1:{GatewayPort}");
        _app = builder.Build();

        var resources = _app.MapGroup("/resources").AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.Headers[ResourceServiceDefaults.ApiKeyHeader] == ApiKey ? await next(context) : Results.Unauthorized());
        resources.MapGet("/", () => Results.Json(Resources, DashboardJsonOptions));
        resources.MapGet("/{name}/logs", (string name, long after, int limit) =>
        {
            var lines = _logs.GetOrAdd(name, _ => new()).Where(l => l.Sequence > after).Take(limit).ToList();
            return Results.Json(new LogPage(lines, lines.Count == 0 ? after : lines[^1].Sequence), DashboardJsonOptions);
        });
        resources.MapPost("/{name}/{command}", () => Results.Accepted());

        _app.MapGet("/metrics", (HttpContext context) =>
            Results.Text(context.Connection.LocalPort == ServicePort ? ServiceMetrics() : "", "text/plain; version=0.0.4"));
        _app.MapGet("/api/queues", () => Results.Json(new object[]
        {
            Queue("brokering-opportunity-posted", ready: 0, unacked: 1),
            Queue(ErrorQueue, ready: 3, unacked: 0),
        }));
        _app.MapGet("/api/matching/relationships", Relationships);
    }

    public int ServicePort { get; }
    public int GatewayPort { get; }
    public string ServiceUrl => $"http://127.0.0.1:{ServicePort}";
    public string GatewayUrl => $"http://127.0.0.1:{GatewayPort}";

    public Task StartAsync() => _app.StartAsync();

    public void Emit(string resource, string text, bool isError = false)
    {
        var lines = _logs.GetOrAdd(resource, _ => new());
        lock (lines)
        {
            lines.Enqueue(new LogLine(lines.Count + 1, DateTimeOffset.UtcNow, text, isError));
        }
    }

    public int PostOpportunities(string vendor, int count) => _posted.AddOrUpdate(vendor, count, (_, posted) => posted + count);

    public int Posted(string vendor) => _posted.GetValueOrDefault(vendor);

    public int PostedInTotal => _posted.Values.Sum();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private string ServiceMetrics()
    {
        // Ten requests a second, one in ten failed, so that rates and shares have something to show.
        var requests = 10 * (long)_uptime.Elapsed.TotalSeconds;
        var metrics = new Exposition()
            .Histogram("http_server_request_duration_seconds", [0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
                Enumerable.Range(0, (int)(requests * 9 / 10)).Select(i => 0.002 * (i % 40)).ToList(),
                ("http_request_method", "GET"), ("http_response_status_code", "200"), ("http_route", "/api/opportunities/{id}"))
            .Histogram("http_server_request_duration_seconds", [0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
                Enumerable.Repeat(0.2, (int)(requests / 10)).ToList(),
                ("http_request_method", "POST"), ("http_response_status_code", "500"), ("http_route", "/api/opportunities"))
            .Add("messaging_masstransit_consume_ea_total", "counter", requests / 2.0, ("messaging_masstransit_message_type", "OpportunityPosted"))
            .Add("messaging_masstransit_send_ea_total", "counter", requests / 5.0, ("messaging_masstransit_message_type", "PartnerInvited"));
        foreach (var (vendor, posted) in _posted)
        {
            Vendor(metrics, vendor, posted);
        }
        foreach (var (type, count) in new[] { ("isv", 12), ("var", 30), ("msp", 8) })
        {
            metrics.Add(EcosystemMetrics.PartnersByType.PrometheusName, "gauge", count, (Tags.Vendor, Tags.AllVendors), (Tags.Type, type));
        }
        metrics.Add(EcosystemMetrics.PartnersByRegion.PrometheusName, "gauge", 50, (Tags.Vendor, Tags.AllVendors), (Tags.Region, "EMEA"));
        return metrics.ToString();
    }

    /// <summary>A vendor's program: figures that differ between vendors, so a page shows whose they are.</summary>
    private static void Vendor(Exposition metrics, string vendor, int posted)
    {
        metrics.Add(EcosystemMetrics.OpportunitiesPosted.PrometheusName, "counter", posted, (Tags.Vendor, vendor));
        metrics.Add(EcosystemMetrics.OpportunitiesMatched.PrometheusName, "counter", posted - 1, (Tags.Vendor, vendor), (Tags.Outcome, "matched"));
        metrics.Add(EcosystemMetrics.OpportunitiesMatched.PrometheusName, "counter", 1, (Tags.Vendor, vendor), (Tags.Outcome, "unmatched"));
        metrics.Add(EcosystemMetrics.OpportunitiesClosed.PrometheusName, "counter", 2, (Tags.Vendor, vendor), (Tags.Outcome, "won"));
        metrics.Add(EcosystemMetrics.OpportunitiesClosed.PrometheusName, "counter", 1, (Tags.Vendor, vendor), (Tags.Outcome, "lost"));
        metrics.Add(EcosystemMetrics.InvitationsAnswered.PrometheusName, "counter", 4, (Tags.Vendor, vendor), (Tags.Outcome, "accepted"));
        metrics.Add(EcosystemMetrics.InvitationsAnswered.PrometheusName, "counter", 1, (Tags.Vendor, vendor), (Tags.Outcome, "declined"));
        metrics.Histogram(EcosystemMetrics.InvitationResponseTime.PrometheusName, Seconds, [30, 1800, 7200, 7200, 40000], (Tags.Vendor, vendor), (Tags.Outcome, "accepted"));
        metrics.Histogram(EcosystemMetrics.TimeToTeam.PrometheusName, Seconds, [3000, 5000, 90000], (Tags.Vendor, vendor));
        metrics.Add(EcosystemMetrics.DealConflicts.PrometheusName, "counter", 1, (Tags.Vendor, vendor), (Tags.Kind, "poaching"));
        foreach (var (state, amount) in new[] { ("accrued", 1200.5), ("payable", 800.0), ("paid", 400.0) })
        {
            metrics.Add(EcosystemMetrics.Rewards.PrometheusName, "gauge", amount, (Tags.Vendor, vendor), (Tags.Currency, "EUR"), (Tags.State, state));
        }
        foreach (var (tier, count) in new[] { ("registered", 5), ("premier", vendor == "vendor-a" ? 2 : 9) })
        {
            metrics.Add(EcosystemMetrics.PartnersByTier.PrometheusName, "gauge", count, (Tags.Vendor, vendor), (Tags.Tier, tier));
        }
        metrics.Add(EcosystemMetrics.PartnersByType.PrometheusName, "gauge", 7, (Tags.Vendor, vendor), (Tags.Type, "isv"));
        metrics.Add(EcosystemMetrics.PartnersByRegion.PrometheusName, "gauge", 7, (Tags.Vendor, vendor), (Tags.Region, "EMEA"));
    }

    public const int FakePairCount = 120;

    /// <summary>Matching's answer through the gateway: one pair per vendor program, rising for vendor-a, falling for the others.</summary>
    private static IResult Relationships(HttpContext context, int windowDays, Guid? partnerId, int? limit)
    {
        if (limit is not (>= 1 and <= 200))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["The dashboard pages what it reads."] });
        }
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Results.Unauthorized();
        }
        var token = new JsonWebTokenHandler().ReadJsonWebToken(authorization["Bearer ".Length..]);
        var vendor = token.TryGetClaim(ClaimNames.VendorId, out var claim) ? claim.Value : null;
        var counterpart = Guid.NewGuid();
        var pair = new
        {
            partnerId = partnerId ?? Guid.NewGuid(), counterpartId = counterpart, invitationsSent = 4, invitationsReceived = 2,
            accepted = 3, declined = 1, expired = 0, medianResponse = "01:30:00", winsTogether = 2, conflicts = 0,
            reciprocal = true, trend = vendor == "vendor-a" ? "Rising" : "Falling",
        };
        // Matching names the partners it knows; the first one here it does not, so the page shows its id.
        return Results.Json(new { windowDays, pairs = new[] { pair }, names = new Dictionary<Guid, string> { [counterpart] = "Stora Systems" },
            total = FakePairCount, nextCursor = "more" });
    }

    private static object Queue(string name, int ready, int unacked) => new
    {
        name, vhost = "/", messages_ready = ready, messages_unacknowledged = unacked, consumers = 1,
        message_stats = new { publish_details = new { rate = 2.5 }, deliver_get_details = new { rate = 2.4 } },
    };

    private static ResourceSnapshot Resource(string name, string kind, ResourceState state) =>
        new(name, kind, state, DateTimeOffset.UtcNow.AddMinutes(-3), state == ResourceState.Exited ? null : 4000 + name.Length, null, 0,
            [new ResourceUrl("http", $"http://127.0.0.1:{5000 + name.Length}")], new HealthReport(state == ResourceState.Running ? "Healthy" : "Unhealthy", DateTimeOffset.UtcNow, null));

    private static readonly System.Text.Json.JsonSerializerOptions DashboardJsonOptions =
        new(System.Text.Json.JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
}
