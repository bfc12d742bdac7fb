using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.AppHost.Seeding;
using EcosystemMarket.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace EcosystemMarket.EndToEndTests.Portal;

/// <summary>
/// A partner's money and the vendor that pays it: balances and ledger, a statement downloaded as CSV, a payout
/// approved by the program's vendor and then shown as paid.
/// </summary>
[Collection(SeededSystemCollection.Name)]
public sealed class Money_moves(SeededSystem system) : IAsyncLifetime
{
    // No holding period: a bonus earned in this program is payable at once.
    private static readonly DemoVendor Contoso = DemoEcosystem.Vendors.Single(v => v.HoldingPeriodDays == 0);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private HeadlessChromium _chromium = null!;

    public async ValueTask InitializeAsync() => _chromium = await HeadlessChromium.LaunchAsync();

    public ValueTask DisposeAsync() => _chromium.DisposeAsync();

    [Fact]
    public async Task A_partner_downloads_its_statement_and_sees_the_payout_its_vendor_approved_as_paid()
    {
        var (owner, opportunityId) = await WinAContosoDealAsync();
        var bonus = await Eventually.HoldsAsync(() => BonusEntryAsync(owner, opportunityId), e => e is not null, TimeSpan.FromSeconds(60));
        var before = await BalanceAsync(owner);
        Assert.True(before.Payable >= bonus!.Value.Amount, $"The bonus of {bonus.Value.Amount} is payable at once, but only {before.Payable} is.");

        await using (var partner = await PortalUser.PartnerAsync(_chromium, system.Gateway, owner))
        {
            await partner.OpenAsync("money");
            await Expect(partner.Page.GetByTestId("balance-USD-payable")).ToHaveTextAsync(PortalUser.Usd(before.Payable));
            await Expect(partner.Page.GetByTestId("balance-USD-paid")).ToHaveTextAsync(PortalUser.Usd(before.Paid));
            var newest = partner.Page.GetByTestId("ledger").GetByRole(Microsoft.Playwright.AriaRole.Row).Filter(new() { HasText = "Lead-registration bonus earned" }).First;
            await Expect(newest).ToContainTextAsync(PortalUser.Usd(bonus.Value.Amount));
            await partner.CheckAsync("money");

            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            await partner.Page.Locator("#statement-from input").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await partner.Page.Locator("#statement-to input").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await partner.Page.Locator("#statement-to input").PressAsync("Tab");
            await partner.Page.GetByTestId("statement-show").ClickAsync();
            await Expect(partner.Page.GetByTestId("statement-USD")).ToBeVisibleAsync();

            var download = await partner.Page.RunAndWaitForDownloadAsync(() => partner.Page.GetByTestId("statement-download").ClickAsync());
            Assert.EndsWith(".csv", download.SuggestedFilename);
            var lines = await File.ReadAllLinesAsync(await download.PathAsync(), Cancel);
            Assert.Equal("currency,line,booked_at,account,amount,opportunity_id,counterparty_id,payable_at,transaction_key,entry_id", lines[0]);
            Assert.Contains(lines, line => line.StartsWith("USD,entry,", StringComparison.Ordinal)
                && line.Contains($",lead-registration-bonus-earned,{bonus.Value.Amount.ToString("F2", CultureInfo.InvariantCulture)},{opportunityId},", StringComparison.Ordinal)
                && line.EndsWith(bonus.Value.Id.ToString(), StringComparison.Ordinal));
        }

        decimal approved;
        await using (var vendor = await PortalUser.VendorAsync(_chromium, system.Gateway, Contoso.Id, startAt: "program/payouts"))
        {
            await vendor.OpenAsync("program/payouts");
            await vendor.Page.GetByTestId($"approve-{owner}-USD").ClickAsync();
            await Expect(vendor.Page.GetByTestId("payout-confirm")).ToContainTextAsync("Approve this payout?");
            await vendor.CheckAsync("payouts-confirm");
            await vendor.Page.GetByTestId("payout-confirm-approve").ClickAsync();
            await Expect(vendor.Page.GetByTestId("payout-approved")).ToBeVisibleAsync();
            approved = (await PaidToAsync(owner)) - before.PaidByContoso;
            Assert.True(approved >= bonus.Value.Amount, $"The payout paid {approved}, less than the bonus of {bonus.Value.Amount}.");
            await Expect(vendor.Page.GetByTestId("payout-approved")).ToContainTextAsync(PortalUser.Usd(approved));
            await vendor.CheckAsync("payouts");
        }

        var after = await BalanceAsync(owner);
        Assert.Equal(before.Paid + approved, after.Paid);
        await using (var partner = await PortalUser.PartnerAsync(_chromium, system.Gateway, owner))
        {
            await partner.OpenAsync("money");
            await Expect(partner.Page.GetByTestId("balance-USD-paid")).ToHaveTextAsync(PortalUser.Usd(after.Paid));
            await Expect(partner.Page.GetByTestId("balance-USD-payable")).ToHaveTextAsync(PortalUser.Usd(after.Payable));
            await Expect(partner.Page.GetByTestId("ledger").GetByRole(Microsoft.Playwright.AriaRole.Row).Filter(new() { HasText = "Payout" }).First)
                .ToContainTextAsync(PortalUser.Usd(-approved));
        }
    }

    [Fact]
    public async Task The_money_and_payouts_pages_read_well_on_a_phone()
    {
        var owner = new DemoEcosystem().Opportunities[0].OwnerId;
        await using var partner = await PortalUser.PartnerAsync(_chromium, system.Gateway, owner, width: 390);
        await partner.OpenAsync("money");
        await Expect(partner.Page.GetByTestId("balance-USD-paid")).ToBeVisibleAsync();
        await partner.CheckAsync("money");

        await using var vendor = await PortalUser.VendorAsync(_chromium, system.Gateway, Contoso.Id, width: 390, startAt: "program/payouts");
        await vendor.OpenAsync("program/payouts");
        await Expect(vendor.Page.GetByTestId("payee-name").First).ToBeVisibleAsync();
        await vendor.CheckAsync("payouts");
    }

    [Fact]
    public async Task A_vendor_cannot_open_a_partners_money_and_a_partner_cannot_approve_payouts()
    {
        await using var vendor = await PortalUser.VendorAsync(_chromium, system.Gateway, Contoso.Id, startAt: "program/payouts");
        await vendor.OpenAsync("money");
        await Expect(vendor.Page.GetByTestId("money-not-a-partner")).ToBeVisibleAsync();

        await using var partner = await PortalUser.PartnerAsync(_chromium, system.Gateway, new DemoEcosystem().Partners[0].Id);
        await partner.OpenAsync("program/payouts");
        await Expect(partner.Page.GetByTestId("payouts-not-a-vendor")).ToBeVisibleAsync();
        var response = await partner.Page.APIRequest.GetAsync(new Uri(system.Gateway, "money/statement.csv").ToString());
        Assert.Equal(200, response.Status);
        Assert.StartsWith("currency,line,", await response.TextAsync());
    }

    /// <summary>The first seeded story again, for a new customer: its owner registers the deal with Contoso and wins it.</summary>
    private async Task<(Guid Owner, Guid OpportunityId)> WinAContosoDealAsync()
    {
        var story = new DemoEcosystem().Opportunities[0] with { CustomerName = $"Money Moves {Guid.NewGuid():N}"[..24] };
        Assert.Equal(Contoso.Id, story.VendorId);
        using var http = new HttpClient { BaseAddress = system.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        var outcome = await new OpportunityJourney(new EcosystemClient(http, new DemoTokens(system.SigningKey)))
            .PlayAsync(story, _ => Task.CompletedTask, Cancel);
        return (story.OwnerId, outcome.OpportunityId);
    }

    private sealed record Balance(decimal Payable, decimal Paid, decimal PaidByContoso);

    private async Task<Balance> BalanceAsync(Guid partner)
    {
        using var client = system.Client().ActingFor(partner, system.SigningKey);
        var ledger = await client.GetFromJsonAsync<JsonElement>($"/api/rewards/partners/{partner}/ledger", Cancel);
        var usd = ledger.GetProperty("balances").EnumerateArray().Single(b => b.GetProperty("currency").GetString() == "USD");
        return new Balance(usd.GetProperty("payable").GetDecimal(), usd.GetProperty("paid").GetDecimal(), await PaidToAsync(partner));
    }

    private async Task<decimal> PaidToAsync(Guid partner)
    {
        using var client = system.Client().AsVendor(Contoso.Id, system.SigningKey);
        var ledger = await client.GetFromJsonAsync<JsonElement>($"/api/rewards/vendors/{Contoso.Id}/ledger", Cancel);
        return ledger.GetProperty("partners").EnumerateArray()
            .Where(p => p.GetProperty("partnerId").GetGuid() == partner && p.GetProperty("currency").GetString() == "USD")
            .Sum(p => p.GetProperty("paid").GetDecimal());
    }

    private async Task<(Guid Id, decimal Amount)?> BonusEntryAsync(Guid partner, Guid opportunityId)
    {
        using var client = system.Client().ActingFor(partner, system.SigningKey);
        var ledger = await client.GetFromJsonAsync<JsonElement>($"/api/rewards/partners/{partner}/ledger", Cancel);
        return ledger.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("opportunityId").GetGuid() == opportunityId && e.GetProperty("account").GetString() == "lead-registration-bonus-earned")
            .Select(e => ((Guid Id, decimal Amount)?)(e.GetProperty("id").GetGuid(), e.GetProperty("amount").GetDecimal()))
            .FirstOrDefault();
    }
}
