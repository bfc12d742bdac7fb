using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ReliabilityTests;

/// <summary>
/// Brokering commits wins while the broker is down (the window between its commit and its publish, held
/// open), is killed with kill -9, and is started again, unchanged, once the broker is back.
/// </summary>
[Collection(nameof(PrivateBroker))]
public sealed class Brokering_killed_between_commit_and_publish(PrivateRabbitMq rabbit)
{
    private const int Deals = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publishes_the_committed_wins_after_its_restart_and_each_is_settled_once()
    {
        await using var broker = await rabbit.CreateVirtualHostAsync();
        await using var system = await SettlementSystem.StartAsync(broker);
        await using var directory = await DirectoryProcess.StartAsync(broker.ConnectionString);
        await using var brokering = new ServiceProcess("brokering", broker.ConnectionString, system.Data, TestTokens.SigningKey, directory.CallerSettings);
        await brokering.StartAsync();
        var outbox = brokering.Resource.DatabasePath(system.Data);

        var owner = Guid.NewGuid();
        var members = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        await directory.RegisterAsync([owner, .. members], Cancel);
        using var ownerClient = brokering.Client(Roles.Partner, owner);
        var opportunities = new List<(Guid Opportunity, Guid Member)>();
        for (var i = 0; i < Deals; i++)
        {
            var member = members[i % members.Count];
            using var memberClient = brokering.Client(Roles.Partner, member);
            opportunities.Add((await PostInviteAndAcceptAsync(ownerClient, memberClient, member), member));
        }

        // The broker goes down: every win below is committed with its OpportunityWon, none can be published.
        await rabbit.StopAsync();
        var checker = new SettlementChecker();
        foreach (var (opportunity, member) in opportunities)
        {
            var finalValue = 10_000m + checker.Expected.Count;
            var won = await ownerClient.PostAsJsonAsync($"/api/opportunities/{opportunity}/win", new { finalValue }, Cancel);
            Assert.Equal(HttpStatusCode.OK, won.StatusCode);
            checker.Expect(Won(opportunity, owner, member, finalValue));
        }
        Assert.Equal(Deals, (await OutboxTable.CountAsync(outbox, typeof(OpportunityWon), Cancel)).Unsent);

        await brokering.KillAsync();
        await rabbit.StartAsync();
        await brokering.StartAsync();

        var settled = await system.SettledAsync(owner, Deals, Patience);
        var unsent = await Eventually.HoldsAsync(async () => (await OutboxTable.CountAsync(outbox, cancellationToken: Cancel)).Unsent, n => n == 0, Patience);
        Assert.True(unsent == 0, $"Brokering's outbox still holds {unsent} messages.\n{brokering.Tail()}");
        Assert.True(await system.QuiescesAsync(Patience), $"Still in flight after {settled} settled.\n{system.Settlement.Tail()}");
        using var settlement = system.Settlement.Client();
        var verdict = await checker.CheckAsync(settlement, Cancel);
        TestContext.Current.TestOutputHelper?.WriteLine(verdict.Summary);
        Assert.True(verdict.IsExactlyOnce, verdict.Summary);
    }

    private static async Task<Guid> PostInviteAndAcceptAsync(HttpClient owner, HttpClient member, Guid memberId)
    {
        var posted = await Read(await owner.PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = "Acme Corp" }, industry = "manufacturing", region = "US", size = "large",
            needs = new[] { new { capability = "storage", mustHave = true } }, estimatedValue = 10_000, currency = "USD",
        }, Cancel));
        var opportunity = posted.GetProperty("id").GetGuid();
        var invitation = await Read(await owner.PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
            new { partnerId = memberId, role = "storage specialist", referralFeePercent = 10 }, Cancel));
        await Read(await member.PostAsync($"/api/invitations/{invitation.GetProperty("id").GetGuid()}/accept", null, Cancel));
        return opportunity;
    }

    private static OpportunityWon Won(Guid opportunity, Guid owner, Guid member, decimal finalValue) => new()
    {
        OpportunityId = opportunity, OwnerPartnerId = owner, FinalValue = finalValue, Currency = "USD", OccurredAt = DateTimeOffset.UtcNow,
        Team = [new TeamMemberTerms { PartnerId = member, Role = "storage specialist", Reward = new RewardTerms { Kind = RewardTerms.ReferralFee, Percent = 10m } }],
    };

    private static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
