using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using EcosystemMarket.Portal.Audit;
using EcosystemMarket.Portal.Gateway;
using Microsoft.AspNetCore.Components.Authorization;

namespace EcosystemMarket.PortalTests;

/// <summary>
/// The portal's audit log is the three services' logs merged: newest first by id (a UUIDv7, time-ordered in every service),
/// one cursor for all of them, and the entries of the services that answer still shown when one does not.
/// </summary>
public sealed class Audit_log_merge
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed class Services(Func<string, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<string> Asked { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Asked)
            {
                Asked.Add(request.RequestUri!.PathAndQuery);
            }
            return Task.FromResult(answer(request.RequestUri!.PathAndQuery));
        }
    }

    private sealed class SignedIn : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    private static AuditEntryJson Entry(DateTimeOffset at, string action) =>
        new(Guid.CreateVersion7(at), at, "partner-x", "partner", null, action, "opportunity", "o-1", [], null, "POST /api/x", null, null, null);

    private static HttpResponseMessage Page(IEnumerable<AuditEntryJson> items, string? next) =>
        new(HttpStatusCode.OK) { Content = JsonContent.Create(new AuditPageJson(items.ToList(), next), options: GatewayClient.Json) };

    [Fact]
    public async Task Entries_of_all_services_merge_newest_first_and_the_last_shown_id_continues_every_service()
    {
        var start = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        // Each service has entries at its own times: partners every 3 minutes, brokering every 2, rewards every 5.
        var logs = new Dictionary<string, List<AuditEntryJson>>
        {
            ["/api/partners/audit"] = [.. Enumerable.Range(0, 30).Select(i => Entry(start.AddMinutes(3 * i), $"partners.{i}"))],
            ["/api/opportunities/audit"] = [.. Enumerable.Range(0, 40).Select(i => Entry(start.AddMinutes(2 * i).AddSeconds(1), $"brokering.{i}"))],
            ["/api/rewards/audit"] = [.. Enumerable.Range(0, 12).Select(i => Entry(start.AddMinutes(5 * i).AddSeconds(2), $"rewards.{i}"))],
        };
        var services = new Services(pathAndQuery =>
        {
            var path = pathAndQuery.Split('?')[0];
            var query = System.Web.HttpUtility.ParseQueryString(pathAndQuery.Split('?').ElementAtOrDefault(1) ?? "");
            var limit = int.Parse(query["limit"]!, System.Globalization.CultureInfo.InvariantCulture);
            var older = logs[path].Where(e => query["cursor"] is not { } cursor || string.CompareOrdinal(e.Id.ToString("D"), cursor) < 0)
                .OrderByDescending(e => e.Id.ToString("D"), StringComparer.Ordinal).ToList();
            return Page(older.Take(limit), older.Count > limit ? older[limit - 1].Id.ToString("D") : null);
        });
        var api = new AuditLogApi(new GatewayClient(new HttpClient(services) { BaseAddress = new Uri("http://gateway/") }, new SignedIn()));

        var seen = new List<AuditEntryJson>();
        string? cursor = null;
        do
        {
            var page = await api.PageAsync(cursor, Cancel);
            Assert.Empty(page.Unavailable);
            Assert.InRange(page.Items.Count, 1, AuditLogApi.PageSize);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        var expected = logs.Values.SelectMany(l => l).OrderByDescending(e => e.At).Select(e => e.Action).ToList();
        Assert.Equal(expected, seen.Select(e => e.Action));
        Assert.Equal(82, seen.Count);
        Assert.Contains(services.Asked, a => a.StartsWith("/api/rewards/audit?limit=50&cursor=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_service_that_does_not_answer_leaves_a_note_and_the_others_entries_still_show()
    {
        var at = DateTimeOffset.UtcNow;
        var services = new Services(pathAndQuery => pathAndQuery.StartsWith("/api/rewards/", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : Page([Entry(at, pathAndQuery.Split('/')[2])], null));
        var api = new AuditLogApi(new GatewayClient(new HttpClient(services) { BaseAddress = new Uri("http://gateway/") }, new SignedIn()));

        var page = await api.PageAsync(null, Cancel);

        Assert.Equal(["opportunities", "partners"], page.Items.Select(e => e.Action).Order());
        Assert.Null(page.NextCursor);
        Assert.StartsWith("Rewards, fees and payouts:", Assert.Single(page.Unavailable), StringComparison.Ordinal);
    }
}
