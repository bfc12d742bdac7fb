using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ReliabilityTests;

/// <summary>
/// Two Brokering replicas on one database, the second expiring overdue invitations every 50 ms and the first hardly ever;
/// what the tests below fire at them conflicts, at the same moment.
/// </summary>
public sealed class RacingReplicas : IAsyncLifetime
{
    private readonly RabbitMqVirtualHost _broker = new();
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"em-brokering-race-{Guid.NewGuid():N}");

    public BrokeringReplicas Replicas { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await _broker.InitializeAsync();
        Directory.CreateDirectory(_data);
        Replicas = await BrokeringReplicas.StartAsync(_broker.ConnectionString, _data,
            new Dictionary<string, string> { ["Brokering__Invitations__ExpiryScanInterval"] = "01:00:00" },
            new Dictionary<string, string> { ["Brokering__Invitations__ExpiryScanInterval"] = "00:00:00.050" });
    }

    public async ValueTask DisposeAsync()
    {
        await Replicas.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}

/// <summary>Conflicting requests at two replicas at once have exactly one effect each.</summary>
public sealed class Two_brokerings_racing(RacingReplicas fixture) : IClassFixture<RacingReplicas>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private BrokeringReplicas Replicas => fixture.Replicas;

    [Fact]
    public async Task An_acceptance_racing_the_expiry_either_accepts_or_expires_the_invitation_never_both()
    {
        // Accepts land on the first replica from well before to well after the deadline, 20 ms apart around it, while the second expires.
        int[] offsetsMs = [-1500, -60, -40, -20, 0, 20, 40, 60, 1500];
        var invitations = new List<(Guid Invitee, Guid Invitation, DateTimeOffset AcceptBy, int OffsetMs)>();
        foreach (var offset in offsetsMs)
        {
            var (owner, opportunity) = await PostAsync(Replicas.First);
            var invitee = Guid.NewGuid();
            await Replicas.RegisterAsync(invitee);
            var acceptBy = DateTimeOffset.UtcNow.AddSeconds(5);
            invitations.Add((invitee, await InviteAsync(owner, opportunity, invitee, acceptBy), acceptBy, offset));
        }

        var answers = await Task.WhenAll(invitations.Select(async i =>
        {
            var wait = i.AcceptBy.AddMilliseconds(i.OffsetMs) - DateTimeOffset.UtcNow;
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Cancel);
            return (await Replicas.First.Client(partnerId: i.Invitee).PostAsync($"/api/invitations/{i.Invitation}/accept", null, Cancel)).StatusCode;
        }));

        foreach (var ((invitee, invitation, _, offset), answer) in invitations.Zip(answers))
        {
            Assert.True(answer is HttpStatusCode.OK or HttpStatusCode.Conflict, $"Accepting {offset} ms from the deadline answered {answer}.\n{Replicas.Tail()}");
            var expected = answer == HttpStatusCode.OK ? "Accepted" : "Expired";
            var status = await Eventually.HoldsAsync(() => InvitationStatusAsync(invitee, invitation), s => s == expected, Patience);
            Assert.Equal(expected, status);
            var accepted = await EventsAboutAsync<InvitationAccepted>("invitationId", invitation);
            var expired = await EventsAboutAsync<InvitationExpired>("invitationId", invitation);
            Assert.Equal(answer == HttpStatusCode.OK ? (1, 0) : (0, 1), (accepted, expired));
        }
        Assert.Equal(HttpStatusCode.OK, answers[0]);
        Assert.Equal(HttpStatusCode.Conflict, answers[^1]);
    }

    [Fact]
    public async Task Two_wins_of_one_opportunity_at_once_win_it_once()
    {
        for (var round = 0; round < 5; round++)
        {
            var (owner, opportunity) = await PostAsync(Replicas.First);

            var answers = await Task.WhenAll(new[] { Replicas.First, Replicas.Second }.Select(replica =>
                replica.Client(partnerId: owner).PostAsJsonAsync($"/api/opportunities/{opportunity}/win", new { finalValue = 90_000m }, Cancel)));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
            Assert.Equal(1, await EventsAboutAsync<OpportunityWon>("opportunityId", opportunity));
        }
    }

    [Fact]
    public async Task Simultaneous_registrations_of_one_customer_protect_one_and_keep_the_chain_intact()
    {
        var vendor = $"race-{Guid.NewGuid():N}"[..20];
        for (var round = 0; round < 5; round++)
        {
            var customer = $"Initech {round} Inc.";
            var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
            await Replicas.RegisterAsync(first, second);

            var answers = await Task.WhenAll(new[] { (Replicas.First, first), (Replicas.Second, second) }.Select(r =>
                r.Item1.Client(partnerId: r.Item2).PostAsJsonAsync("/api/deal-registrations",
                    new { vendorId = vendor, customerName = customer, scope = new[] { "storage" } }, Cancel)));

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
            var registrations = await Task.WhenAll(answers.Select(a => a.Content.ReadFromJsonAsync<JsonElement>(Cancel)));
            Assert.Single(registrations, r => r.GetProperty("protected").GetBoolean());
        }
        using var vendorClient = new HttpClient { BaseAddress = Replicas.Second.BaseAddress }.AsVendor(vendor);
        var chain = await vendorClient.GetFromJsonAsync<JsonElement>("/api/deal-registrations/chain", Cancel);
        Assert.True(chain.GetProperty("intact").GetBoolean(), chain.ToString());
        Assert.Equal(10, (await vendorClient.GetFromJsonAsync<JsonElement>("/api/deal-registrations", Cancel)).GetArrayLength());
    }

    private async Task<(Guid Owner, Guid Opportunity)> PostAsync(ServiceProcess replica)
    {
        var owner = Guid.NewGuid();
        await Replicas.RegisterAsync(owner);
        var response = await replica.Client(partnerId: owner).PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = "Initrode" }, industry = "retail", region = "US", size = "medium",
            needs = new[] { new { capability = "security", mustHave = true } }, estimatedValue = 100_000m, currency = "USD",
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (owner, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid());
    }

    private async Task<Guid> InviteAsync(Guid owner, Guid opportunity, Guid invitee, DateTimeOffset acceptBy)
    {
        var response = await Replicas.First.Client(partnerId: owner).PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
            new { partnerId = invitee, role = "security", referralFeePercent = 5m, acceptBy }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    private async Task<string?> InvitationStatusAsync(Guid invitee, Guid invitation) =>
        (await Replicas.Second.Client(partnerId: invitee).GetFromJsonAsync<JsonElement>($"/api/invitations/{invitation}", Cancel)).GetProperty("status").ToString();

    private async Task<int> EventsAboutAsync<TEvent>(string property, Guid id) =>
        (await OutboxTable.BodiesAsync(Replicas.DatabasePath, typeof(TEvent), Cancel))
        .Count(body => JsonDocument.Parse(body).RootElement.GetProperty(property).GetGuid() == id);
}
