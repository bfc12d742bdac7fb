using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ReliabilityTests;

/// <summary>
/// The system scaled out as the Kubernetes manifests run it: two replicas of each service on one database each, behind
/// one gateway that spreads the requests over them, gRPC calls spread over the callee's replicas, Matching's index
/// built in each replica. A partner's journey from posting to a won deal still settles each win exactly once.
/// </summary>
public sealed class Two_replicas_of_every_service : IAsyncLifetime
{
    private const int Deals = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private readonly RabbitMqVirtualHost _broker = new();
    private ReplicatedSystem _system = null!;

    public async ValueTask InitializeAsync()
    {
        await _broker.InitializeAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();
        _system = await ReplicatedSystem.StartAsync(_broker.ConnectionString);
        TestContext.Current.TestOutputHelper?.WriteLine($"{_system.Replicas.Values.Sum(r => r.Count) + 1} processes started in {started.Elapsed.TotalSeconds:0.0} s.");
    }

    [Fact]
    public async Task Settle_each_won_deal_once()
    {
        var (isv, var) = (Guid.NewGuid(), Guid.NewGuid());
        using var isvClient = _system.ActingFor(isv);
        using var varClient = _system.ActingFor(var);
        await Expect(HttpStatusCode.Created, isvClient.PostAsJsonAsync("/api/partners", Profile("Stora Replicas", "solution", "isv", "storage"), Cancel));
        await Expect(HttpStatusCode.Created, varClient.PostAsJsonAsync("/api/partners", Profile("Vara Replicas", "sales", "solution-reseller", "software"), Cancel));

        var journey = System.Diagnostics.Stopwatch.StartNew();
        var won = new Dictionary<Guid, decimal>();
        for (var deal = 1; deal <= Deals; deal++)
        {
            var finalValue = 100_000m * deal;
            won[await WinAsync(varClient, isvClient, isv, finalValue)] = finalValue / 10;
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{Deals} deals won in {journey.Elapsed.TotalSeconds:0.0} s.");
        // Every win booked once on the ISV's side, then nothing more arrives (a duplicate would come within the wait).
        var ledger = await Eventually.HoldsAsync(() => LedgerAsync(isvClient, isv), l => l.Count >= Deals, Patience);
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel);
        ledger = await LedgerAsync(isvClient, isv);
        Assert.True(ledger.Count == Deals, $"{ledger.Count} ledger entries for {Deals} wins.\n{_system.Tail()}");
        Assert.Equal(won.OrderBy(w => w.Key), ledger.Select(e => KeyValuePair.Create(e.Opportunity, e.Amount)).OrderBy(e => e.Key));

        // Both replicas of every service did part of the work.
        foreach (var (service, replicas) in _system.Replicas)
        {
            foreach (var replica in replicas)
            {
                Assert.True(await WorkDoneAsync(replica) > 0, $"A replica of {service} served no request and consumed no message.\n{_system.Tail()}");
            }
        }
    }

    /// <summary>Posts a deal needing storage, invites the ISV once Matching suggests it, has it accept, wins it.</summary>
    private static async Task<Guid> WinAsync(HttpClient varClient, HttpClient isvClient, Guid isv, decimal finalValue)
    {
        var opportunity = (await Read(await Expect(HttpStatusCode.Created, varClient.PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = $"Customer {Guid.NewGuid():N}"[..20] }, industry = "manufacturing", region = "US", size = "large",
            needs = new[] { new { capability = "software", mustHave = true }, new { capability = "storage", mustHave = true } },
            estimatedValue = finalValue, currency = "USD",
        }, Cancel)))).GetProperty("id").GetGuid();
        // Suggested by whichever Matching replica answers: each builds its own index from Partners' events.
        var suggestions = await Eventually.HoldsAsync(
            async () => await Read(await Expect(HttpStatusCode.OK, varClient.GetAsync($"/api/opportunities/{opportunity}/suggestions", Cancel))),
            s => s.GetProperty("candidates").EnumerateArray().Any(c => c.GetProperty("partnerId").GetGuid() == isv), Patience);
        Assert.Contains(isv, suggestions.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("partnerId").GetGuid()));

        var invitation = (await Read(await Expect(HttpStatusCode.Created, varClient.PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
            new { partnerId = isv, role = "storage specialist", referralFeePercent = 10 }, Cancel)))).GetProperty("id").GetGuid();
        await Expect(HttpStatusCode.OK, isvClient.PostAsync($"/api/invitations/{invitation}/accept", null, Cancel));
        await Expect(HttpStatusCode.OK, varClient.PostAsJsonAsync($"/api/opportunities/{opportunity}/win", new { finalValue }, Cancel));
        return opportunity;
    }

    private static async Task<IReadOnlyList<(Guid Opportunity, decimal Amount)>> LedgerAsync(HttpClient client, Guid partner)
    {
        var ledger = await Read(await Expect(HttpStatusCode.OK, client.GetAsync($"/api/rewards/partners/{partner}/ledger", Cancel)));
        return ledger.GetProperty("entries").EnumerateArray()
            .Select(e => (e.GetProperty("opportunityId").GetGuid(), e.GetProperty("amount").GetDecimal()))
            .ToList();
    }

    /// <summary>
    /// From the replica's /metrics: the requests it answered other than health checks and scrapes (REST and gRPC
    /// alike), and the messages it consumed (Settlement's share of the wins comes from the queue, not a request).
    /// </summary>
    private static async Task<double> WorkDoneAsync(ServiceProcess replica)
    {
        using var client = replica.Client();
        var samples = await PrometheusScrape.ReadAsync(client, Cancel);
        return samples.Where(s => s.Name == "http_server_request_duration_seconds_count"
                                  && s.Labels.GetValueOrDefault("http_route") is not (null or "/health" or "/alive" or "/metrics")
                                  || s.Name == "messaging_masstransit_consume_total")
            .Sum(s => s.Value);
    }

    private static object Profile(string name, string function, string category, string capability) => new
    {
        name, partnerFunction = function, category, tier = "advanced", regions = new[] { "US" },
        capabilities = new[] { new { code = capability, proficiency = "expert" } },
    };

    private static async Task<HttpResponseMessage> Expect(HttpStatusCode status, Task<HttpResponseMessage> request)
    {
        var response = await request;
        if (response.StatusCode != status)
        {
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not {(int)status}: " +
                await response.Content.ReadAsStringAsync(Cancel));
        }
        return response;
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).Clone();

    public async ValueTask DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
        await _broker.DisposeAsync();
    }
}
