using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.ServiceTests;

/// <summary>What the portal's money pages read: statements as CSV, what has been paid, what a program owes each partner.</summary>
public sealed class Settlement_money(SettlementFixture fixture) : IClassFixture<SettlementFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Period => $"from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"))}";

    private async Task<Guid> EarnedAsync(decimal finalValue, decimal percent, string currency = "USD")
    {
        var (owner, member) = (Guid.NewGuid(), Guid.NewGuid());
        await fixture.Host.Services.GetRequiredService<IBus>().Publish(new OpportunityWon
        {
            OpportunityId = Guid.NewGuid(), OwnerPartnerId = owner, FinalValue = finalValue, Currency = currency, OccurredAt = DateTimeOffset.UtcNow,
            Team = [new TeamMemberTerms { PartnerId = member, Role = "specialist", Reward = new RewardTerms { Kind = RewardTerms.ReferralFee, Percent = percent } }],
        }, Cancel);
        await Eventually.HoldsAsync(() => fixture.Host.ClientFor(member).GetFromJsonAsync<JsonElement>($"/api/rewards/partners/{member}/ledger", Cancel),
            l => l.GetProperty("entries").GetArrayLength() > 0);
        return member;
    }

    [Fact]
    public async Task A_statement_is_served_as_RFC_4180_CSV_when_the_client_accepts_text_csv()
    {
        var member = await EarnedAsync(12_345.67m, 10m);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/rewards/partners/{member}/statements?{Period}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.5));
        var response = await fixture.Host.ClientFor(member).SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var lines = (await response.Content.ReadAsStringAsync(Cancel)).Split("\r\n");
        Assert.Equal("currency,line,booked_at,account,amount,opportunity_id,counterparty_id,payable_at,transaction_key,entry_id", lines[0]);
        Assert.StartsWith("USD,opening,", lines[1]);
        Assert.Matches(@"^USD,entry,\d{4}-\d\d-\d\dT[\d:.]+Z,referral-fee-earned,1234\.57,", lines[2]);
        Assert.Matches(@"^USD,closing,.*,1234\.57,", lines[3]);
        Assert.Equal("", lines[^1]);
    }

    [Fact]
    public async Task A_statement_is_CSV_with_format_csv_JSON_by_default_and_limited_to_one_currency_when_asked()
    {
        var member = await EarnedAsync(1_000m, 5m, "EUR");
        var client = fixture.Host.ClientFor(member);
        var path = $"/api/rewards/partners/{member}/statements?{Period}";

        var csv = await client.GetAsync(path + "&format=csv", Cancel);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("EUR,entry,", await csv.Content.ReadAsStringAsync(Cancel));

        var json = await client.GetAsync(path, Cancel);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        var none = await client.GetFromJsonAsync<JsonElement>(path + "&currency=USD", Cancel);
        Assert.Equal(0, none.GetProperty("currencies").GetArrayLength());

        var wrong = await client.GetAsync(path + "&format=xml&currency=euro", Cancel);
        var fields = (await wrong.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields();
        Assert.Contains("format", fields);
        Assert.Contains("currency", fields);
    }

    [Fact]
    public async Task A_payout_moves_the_partners_balance_from_payable_to_paid_and_the_program_ledger_shows_it_per_partner()
    {
        var vendor = $"vendor-{Guid.NewGuid():N}"[..20];
        var owner = Guid.NewGuid();
        fixture.Standings.Attest(owner, vendor, "registered");
        var vendorClient = fixture.Host.CreateClient().AsVendor(vendor);
        var saved = await vendorClient.PutNewAsJsonAsync($"/api/rewards/vendors/{vendor}/program",
            new { name = "Paid At Once", currency = "USD", leadRegistrationBonus = 800, holdingPeriodDays = 0 }, Cancel);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        await fixture.Host.Services.GetRequiredService<IBus>().Publish(new OpportunityWon
        {
            OpportunityId = Guid.NewGuid(), OwnerPartnerId = owner, FinalValue = 20_000m, Currency = "USD", OccurredAt = DateTimeOffset.UtcNow,
            Team = [], VendorId = vendor, DealRegistrationId = Guid.NewGuid(),
        }, Cancel);
        var ownerClient = fixture.Host.ClientFor(owner);
        async Task<JsonElement> Balance() => (await ownerClient.GetFromJsonAsync<JsonElement>($"/api/rewards/partners/{owner}/ledger", Cancel)).GetProperty("balances")
            .EnumerateArray().SingleOrDefault();
        async Task<JsonElement> Owed() => (await vendorClient.GetFromJsonAsync<JsonElement>($"/api/rewards/vendors/{vendor}/ledger", Cancel)).GetProperty("partners")[0];

        var before = await Eventually.HoldsAsync(Balance, b => b.ValueKind == JsonValueKind.Object && b.GetProperty("payable").GetDecimal() == 800m);
        Assert.Equal(0m, before.GetProperty("paid").GetDecimal());
        var owed = await Owed();
        Assert.Equal((owner, 800m, 800m, 0m), (owed.GetProperty("partnerId").GetGuid(), owed.GetProperty("owed").GetDecimal(),
            owed.GetProperty("payable").GetDecimal(), owed.GetProperty("paid").GetDecimal()));

        var payout = await vendorClient.PostAsJsonAsync($"/api/rewards/vendors/{vendor}/payouts", new { partnerId = owner, currency = "USD" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, payout.StatusCode);

        var after = await Balance();
        Assert.Equal((0m, 0m, 800m), (after.GetProperty("amount").GetDecimal(), after.GetProperty("payable").GetDecimal(), after.GetProperty("paid").GetDecimal()));
        var settled = await Owed();
        Assert.Equal((0m, 0m, 800m), (settled.GetProperty("owed").GetDecimal(), settled.GetProperty("payable").GetDecimal(), settled.GetProperty("paid").GetDecimal()));
        var program = await vendorClient.GetFromJsonAsync<JsonElement>($"/api/rewards/vendors/{vendor}/ledger", Cancel);
        Assert.Equal(800m, program.GetProperty("balances")[0].GetProperty("paid").GetDecimal());
        Assert.Equal(vendor, program.GetProperty("vendorId").GetString());
    }
}
