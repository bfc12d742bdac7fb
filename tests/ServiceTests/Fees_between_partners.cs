using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.ServiceTests;

/// <summary>A won deal's owner settles the fees it owes its teammates, and a fee unpaid past its due date shows to both.</summary>
public sealed class Fees_between_partners(SettlementFixture fixture) : IClassFixture<SettlementFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A referral fee of 10% on 12,345.67 USD, booked and held for the default 30 days; returns the fee's id.</summary>
    private async Task<string> BookedAsync(Guid owner, Guid member, string? vendor = null)
    {
        await fixture.Host.Services.GetRequiredService<IBus>().Publish(new OpportunityWon
        {
            OpportunityId = Guid.NewGuid(), OwnerPartnerId = owner, FinalValue = 12_345.67m, Currency = "USD", OccurredAt = DateTimeOffset.UtcNow, VendorId = vendor,
            Team = [new TeamMemberTerms { PartnerId = member, Role = "specialist", Reward = new RewardTerms { Kind = RewardTerms.ReferralFee, Percent = 10m } }],
        }, Cancel);
        var fees = await Eventually.HoldsAsync(() => FeesAsync(member), f => f.GetArrayLength() == 1);
        return fees[0].GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> FeesAsync(Guid partner, string? state = null) =>
        (await fixture.Host.ClientFor(partner).GetFromJsonAsync<JsonElement>($"/api/rewards/partners/{partner}/fees" + (state is null ? "" : $"?state={state}"), Cancel))
        .GetProperty("items");

    private Task<HttpResponseMessage> SettleAsync(Guid partner, string feeId, string step) =>
        fixture.Host.ClientFor(partner).PostAsync($"/api/rewards/partners/{partner}/fees/{Uri.EscapeDataString(feeId)}/{step}", null, Cancel);

    private async Task<decimal> BalanceAsync(Guid partner) =>
        (await fixture.Host.ClientFor(partner).GetFromJsonAsync<JsonElement>($"/api/rewards/partners/{partner}/ledger", Cancel))
        .GetProperty("balances").EnumerateArray().Single().GetProperty("amount").GetDecimal();

    [Fact]
    public async Task The_owner_marks_a_fee_paid_once_and_both_ledgers_show_it_paid()
    {
        var (owner, member, stranger) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var fee = await BookedAsync(owner, member);
        var owing = Assert.Single((await FeesAsync(owner, "owing")).EnumerateArray());
        Assert.Equal(("payer", 1234.57m, "due", member), (owing.GetProperty("role").GetString(), owing.GetProperty("amount").GetDecimal(),
            owing.GetProperty("state").GetString(), owing.GetProperty("payeePartnerId").GetGuid()));
        Assert.Equal(1, (await FeesAsync(member, "owed")).GetArrayLength());
        Assert.Equal(0, (await FeesAsync(member, "owing")).GetArrayLength());

        await (await SettleAsync(member, fee, "paid")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await SettleAsync(stranger, fee, "paid")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await SettleAsync(owner, fee + "x", "paid")).AssertProblemAsync(HttpStatusCode.NotFound);
        var actingForAnother = await fixture.Host.ClientFor(stranger).PostAsync($"/api/rewards/partners/{owner}/fees/{fee}/paid", null, Cancel);
        await actingForAnother.AssertProblemAsync(HttpStatusCode.Forbidden);

        var paid = await SettleAsync(owner, fee, "paid");
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var first = await paid.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("paid", first.GetProperty("state").GetString());
        var again = await (await SettleAsync(member, fee, "confirm-received")).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(first.GetProperty("paidAt").GetDateTimeOffset(), again.GetProperty("paidAt").GetDateTimeOffset());

        foreach (var partner in new[] { owner, member })
        {
            Assert.Equal(fee, Assert.Single((await FeesAsync(partner, "paid")).EnumerateArray()).GetProperty("id").GetString());
            Assert.Equal(0m, await BalanceAsync(partner));
        }
        Assert.Equal(0, (await FeesAsync(owner, "owing")).GetArrayLength());
        var memberEntries = (await fixture.Host.ClientFor(member).GetFromJsonAsync<JsonElement>($"/api/rewards/partners/{member}/ledger", Cancel)).GetProperty("entries");
        Assert.Equal(["referral-fee-earned", "referral-fee-paid"], memberEntries.EnumerateArray().Select(e => e.GetProperty("account").GetString()));

        // The payment is one transaction in both partners' audit logs, recorded as the owner's request.
        var audit = await fixture.Host.ClientFor(member).GetFromJsonAsync<JsonElement>($"/api/rewards/audit?subjectId={Uri.EscapeDataString(fee + ":paid")}", Cancel);
        var payment = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal(("ledger.booked", owner.ToString(), $"POST /api/rewards/partners/{owner}/fees/{fee}/paid"),
            (payment.GetProperty("action").GetString(), payment.GetProperty("actingFor").GetString(), payment.GetProperty("request").GetString()));
        Assert.Equal(new[] { owner, member }.Order(), payment.GetProperty("parties").EnumerateArray().Select(p => p.GetGuid()));
    }

    [Fact]
    public async Task An_unpaid_fee_past_its_due_date_is_overdue_to_both_until_the_payee_confirms_receipt()
    {
        var (owner, member) = (Guid.NewGuid(), Guid.NewGuid());
        var fee = await BookedAsync(owner, member);
        Assert.Equal(0, (await FeesAsync(owner, "overdue")).GetArrayLength());
        try
        {
            fixture.Clock.Offset = TimeSpan.FromDays(31);
            foreach (var partner in new[] { owner, member })
            {
                Assert.Equal("overdue", Assert.Single((await FeesAsync(partner, "overdue")).EnumerateArray()).GetProperty("state").GetString());
            }
            Assert.Equal(1, (await FeesAsync(owner, "owing")).GetArrayLength());

            var confirmed = await SettleAsync(member, fee, "confirm-received");
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

            Assert.Equal(0, (await FeesAsync(owner, "overdue")).GetArrayLength());
            Assert.Equal(0, (await FeesAsync(member, "overdue")).GetArrayLength());
            Assert.Equal("paid", Assert.Single((await FeesAsync(owner)).EnumerateArray()).GetProperty("state").GetString());
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task The_vendor_sees_the_overdue_fees_on_its_deals_and_no_other_vendor_does()
    {
        var vendor = $"vendor-{Guid.NewGuid():N}"[..20];
        var (owner, member) = (Guid.NewGuid(), Guid.NewGuid());
        var fee = await BookedAsync(owner, member, vendor);
        var paidFee = await BookedAsync(owner, Guid.NewGuid(), vendor);
        await BookedAsync(owner, Guid.NewGuid());
        Assert.Equal(HttpStatusCode.OK, (await SettleAsync(owner, paidFee, "paid")).StatusCode);
        var vendorClient = fixture.Host.CreateClient().AsVendor(vendor);
        async Task<JsonElement> OverdueAsync() =>
            (await vendorClient.GetFromJsonAsync<JsonElement>($"/api/rewards/vendors/{vendor}/fees?state=overdue", Cancel)).GetProperty("items");

        Assert.Equal(0, (await OverdueAsync()).GetArrayLength());
        Assert.Equal(2, (await vendorClient.GetFromJsonAsync<JsonElement>($"/api/rewards/vendors/{vendor}/fees", Cancel)).GetProperty("items").GetArrayLength());
        try
        {
            fixture.Clock.Offset = TimeSpan.FromDays(31);
            var overdue = Assert.Single((await OverdueAsync()).EnumerateArray());
            Assert.Equal((fee, owner, member, 1234.57m), (overdue.GetProperty("id").GetString(), overdue.GetProperty("payerPartnerId").GetGuid(),
                overdue.GetProperty("payeePartnerId").GetGuid(), overdue.GetProperty("amount").GetDecimal()));

            var other = await fixture.Host.CreateClient().AsVendor("another-vendor").GetAsync($"/api/rewards/vendors/{vendor}/fees?state=overdue", Cancel);
            await other.AssertProblemAsync(HttpStatusCode.Forbidden);
            var partner = await fixture.Host.ClientFor(owner).GetAsync($"/api/rewards/vendors/{vendor}/fees", Cancel);
            await partner.AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_fee_list_rejects_an_unknown_state_and_pages_with_a_cursor()
    {
        var owner = Guid.NewGuid();
        await BookedAsync(owner, Guid.NewGuid());
        await BookedAsync(owner, Guid.NewGuid());
        var client = fixture.Host.ClientFor(owner);

        var wrong = await client.GetAsync($"/api/rewards/partners/{owner}/fees?state=late&limit=0", Cancel);
        var fields = (await wrong.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields();
        Assert.Contains("state", fields);
        Assert.Contains("limit", fields);

        var first = await client.GetFromJsonAsync<JsonElement>($"/api/rewards/partners/{owner}/fees?limit=1", Cancel);
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/rewards/partners/{owner}/fees?limit=1&cursor={cursor}", Cancel);
        Assert.NotEqual(first.GetProperty("items")[0].GetProperty("id").GetString(), second.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }
}
