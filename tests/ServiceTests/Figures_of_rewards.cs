using System.Net;
using System.Net.Http.Json;
using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.ServiceTests;

public sealed class Figures_of_rewards(SettlementFixture fixture) : IClassFixture<SettlementFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string NewVendor() => $"vendor-{Guid.NewGuid():N}"[..20];

    /// <summary>A won deal the owner had registered with the vendor, as Brokering announces it.</summary>
    private static OpportunityWon RegisteredWin(string vendor, Guid owner) => new()
    {
        OpportunityId = Guid.NewGuid(), OwnerPartnerId = owner, FinalValue = 50_000m, Currency = "USD", Team = [],
        VendorId = vendor, DealRegistrationId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow,
    };

    private async Task DefineProgramAsync(string vendor, string name)
    {
        var response = await fixture.Host.CreateClient().AsVendor(vendor).PutNewAsJsonAsync($"/api/rewards/vendors/{vendor}/program", new
        {
            name, currency = "USD", leadRegistrationBonus = 1000, holdingPeriodDays = 14,
            tierMultipliers = new Dictionary<string, decimal> { ["premier"] = 1.5m },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<RewardFigures> FiguresAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/rewards/figures{query}", Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<RewardFigures>(Cancel))!;
    }

    private async Task<RewardFigures> FiguresReachAsync(HttpClient client, CurrencyRewards expected) =>
        await Eventually.HoldsAsync(() => FiguresAsync(client), figures => figures.Currencies.SequenceEqual([expected]));

    [Fact]
    public async Task A_vendor_reads_what_its_program_accrued_held_made_payable_paid_and_clawed_back()
    {
        var (acme, globex) = (NewVendor(), NewVendor());
        var owner = Guid.NewGuid();
        fixture.Standings.Attest(owner, acme, "premier");
        fixture.Standings.Attest(owner, globex, "premier");
        await DefineProgramAsync(acme, "Acme Partner Program");
        await DefineProgramAsync(globex, "Globex Alliance");
        var vendor = fixture.Host.CreateClient().AsVendor(acme);
        var bus = fixture.Host.Services.GetRequiredService<IBus>();

        await bus.Publish(RegisteredWin(acme, owner), Cancel);
        await bus.Publish(RegisteredWin(globex, owner), Cancel);
        var held = await FiguresReachAsync(vendor, new CurrencyRewards("USD", 1_500m, 1_500m, 0m, 0m, 0m));
        Assert.Equal([new CurrencyRewards("USD", 1_500m, 1_500m, 0m, 0m, 0m)], held.Currencies);
        Assert.Equal((acme, "Acme Partner Program"), (held.Vendor, held.ProgramName));
        Assert.Equal([new ProgramSummary(acme, "Acme Partner Program")], held.Programs);

        fixture.Clock.Offset = TimeSpan.FromDays(15);
        try
        {
            Assert.Equal([new CurrencyRewards("USD", 1_500m, 0m, 1_500m, 0m, 0m)], (await FiguresAsync(vendor)).Currencies);
            Assert.Equal(HttpStatusCode.OK, (await vendor.PostAsJsonAsync($"/api/rewards/vendors/{acme}/payouts", new { partnerId = owner, currency = "USD" }, Cancel)).StatusCode);
            Assert.Equal([new CurrencyRewards("USD", 1_500m, 0m, 0m, 1_500m, 0m)], (await FiguresAsync(vendor)).Currencies);
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }

        var reversed = RegisteredWin(acme, owner);
        await bus.Publish(reversed, Cancel);
        await FiguresReachAsync(vendor, new CurrencyRewards("USD", 3_000m, 1_500m, 0m, 1_500m, 0m));
        await bus.Publish(new OpportunityReversed { OpportunityId = reversed.OpportunityId, OwnerPartnerId = owner, Reason = "Cancelled", OccurredAt = DateTimeOffset.UtcNow }, Cancel);
        // The clawback is payable at once: it nets against the bonus still held until that is released.
        var clawedBack = await FiguresReachAsync(vendor, new CurrencyRewards("USD", 3_000m, 1_500m, -1_500m, 1_500m, 1_500m));
        Assert.Equal([new CurrencyRewards("USD", 3_000m, 1_500m, -1_500m, 1_500m, 1_500m)], clawedBack.Currencies);

        // Over today only: the payout, approved 15 days ahead on the test's clock, falls after it, so nothing is paid
        // in it and both bonuses are still held at its end; a period that ended yesterday saw nothing of this program.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var day = await FiguresAsync(vendor, $"?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.Equal((today, today), (day.From, day.To));
        Assert.Equal([new CurrencyRewards("USD", Accrued: 3_000m, Held: 3_000m, Payable: -1_500m, Paid: 0m, ClawedBack: 1_500m)], day.Currencies);
        var before = await FiguresAsync(vendor, $"?to={today.AddDays(-1):yyyy-MM-dd}");
        Assert.Equal((today.AddDays(-90), today.AddDays(-1)), (before.From, before.To));
        Assert.Empty(before.Currencies);
        Assert.True(before.AsOf <= new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await (await vendor.GetAsync("/api/rewards/figures?from=2026-13-01", Cancel)).AssertProblemAsync(HttpStatusCode.BadRequest);

        var other = await FiguresAsync(fixture.Host.CreateClient().AsAdmin(), $"?vendor={globex}");
        Assert.Equal([new CurrencyRewards("USD", 1_500m, 1_500m, 0m, 0m, 0m)], other.Currencies);
        Assert.Contains(new ProgramSummary(acme, "Acme Partner Program"), other.Programs);
        var refused = await vendor.GetAsync($"/api/rewards/figures?vendor={globex}", Cancel);
        await refused.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_whole_ecosystem_counts_rewards_between_partners_too_and_is_for_administrators_only()
    {
        var (owner, member) = (Guid.NewGuid(), Guid.NewGuid());
        var admin = fixture.Host.CreateClient().AsAdmin();
        var win = new OpportunityWon
        {
            OpportunityId = Guid.NewGuid(), OwnerPartnerId = owner, FinalValue = 2_000m, Currency = "SEK", OccurredAt = DateTimeOffset.UtcNow,
            Team = [new TeamMemberTerms { PartnerId = member, Role = "specialist", Reward = new RewardTerms { Kind = RewardTerms.ReferralFee, Percent = 10m } }],
        };

        await fixture.Host.Services.GetRequiredService<IBus>().Publish(win, Cancel);

        var whole = await Eventually.HoldsAsync(() => FiguresAsync(admin), f => f.Currencies.Any(c => c.Currency == "SEK"));
        Assert.Null(whole.Vendor);
        Assert.Contains(new CurrencyRewards("SEK", 200m, 200m, 0m, 0m, 0m), whole.Currencies);
        await (await fixture.Host.ClientFor(member).GetAsync("/api/rewards/figures", Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
