using System.Globalization;
using EcosystemMarket.AppHost.Seeding;
using EcosystemMarket.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcosystemMarket.EndToEndTests.Portal;

/// <summary>
/// A demo vendor runs its program: it attests and rejects the claims waiting for it, decides a conflicting deal
/// registration, and reads its ecosystem as charts, whose figures follow what it just decided.
/// </summary>
[Collection(SeededSystemCollection.Name)]
public sealed class Vendor_runs_its_program(SeededSystem system) : IAsyncLifetime
{
    private static readonly DemoVendor Vendor = DemoEcosystem.Vendors[0];
    private HeadlessChromium _chromium = null!;

    public async ValueTask InitializeAsync() => _chromium = await HeadlessChromium.LaunchAsync();

    public ValueTask DisposeAsync()
    {
        Console.WriteLine(system.ProblemsOf("portal"));
        return _chromium.DisposeAsync();
    }

    private static async Task<int> CountAsync(IPage page, string testId) =>
        int.Parse((await page.GetByTestId(testId).TextContentAsync())!.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Attests_and_rejects_claims_decides_a_conflict_and_sees_its_figures_follow()
    {
        await using var vendor = await PortalUser.VendorAsync(_chromium, system.Gateway, Vendor.Id);
        var page = vendor.Page;
        await Expect(page).ToHaveURLAsync(new Uri(system.Gateway, "program").ToString());

        await vendor.OpenAsync("ecosystem");
        await Expect(page.GetByTestId("claims-by-state-attested")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        var (attestedBefore, rejectedBefore) = (await CountAsync(page, "claims-by-state-attested"), await CountAsync(page, "claims-by-state-rejected"));
        var approvedBefore = await CountAsync(page, "conflicts-by-decision-approved");
        // The demo's owners asked Matching for partners, so the program has a match rate (a percentage, not "no data").
        await Expect(page.GetByTestId("match-rate")).ToContainTextAsync("%");

        await vendor.OpenAsync("program");
        await Expect(page.GetByTestId("member").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var pending = page.GetByTestId("pending-claim");
        Assert.True(await pending.CountAsync() >= 2, "The demo vendor has at least two claims waiting.");

        var attested = (await pending.Nth(0).GetAttributeAsync("data-claim-id"))!;
        await pending.Nth(0).GetByTestId("attest").ClickAsync();
        await Expect(page.Locator($"[data-testid=pending-claim][data-claim-id='{attested}']")).ToHaveCountAsync(0);
        var decided = page.Locator($"[data-testid=decided-claim][data-claim-id='{attested}']");
        await Expect(decided.GetByTestId("history-entry")).ToContainTextAsync("attested");

        var rejected = page.Locator($"[data-testid=pending-claim][data-claim-id='{(await pending.Nth(0).GetAttributeAsync("data-claim-id"))!}']");
        var rejectedId = (await rejected.GetAttributeAsync("data-claim-id"))!;
        await rejected.GetByTestId("reject").ClickAsync();
        // The button is enabled once the portal has the reason: a click before that would send none.
        await PortalUser.TypeUntilHeardAsync(rejected.GetByRole(AriaRole.Textbox), "The certificate number is not in our records.", PortalUser.Enabled(rejected.GetByTestId("confirm-reject")));
        await rejected.GetByTestId("confirm-reject").ClickAsync();
        var rejection = page.Locator($"[data-testid=decided-claim][data-claim-id='{rejectedId}']");
        await Expect(rejection.GetByTestId("history-entry")).ToContainTextAsync("rejected");
        await Expect(rejection.GetByTestId("history-entry")).ToContainTextAsync("not in our records");
        await Expect(page.Locator($"[data-testid=pending-claim][data-claim-id='{rejectedId}']")).ToHaveCountAsync(0);
        await vendor.CheckAsync("program");

        await vendor.OpenAsync("program/registrations");
        await Expect(page.GetByTestId("conflict").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var undecided = page.GetByTestId("conflict-registration").Filter(new() { HasText = "In conflict", Has = page.GetByTestId("approve") }).First;
        var registration = (await undecided.GetAttributeAsync("data-registration-id"))!;
        await undecided.GetByTestId("approve").ClickAsync();
        await Expect(page.Locator($"[data-testid=conflict-registration][data-registration-id='{registration}']").First.GetByTestId("decision"))
            .ToContainTextAsync("approved");
        await vendor.CheckAsync("registrations");

        await vendor.OpenAsync("ecosystem");
        await Expect(page.GetByTestId("chart-partners-by-tier-chart").Locator("svg.main-svg").First).ToBeAttachedAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("chart-pipeline-chart").Locator("svg.main-svg").First).ToBeAttachedAsync();
        await Expect(page.GetByTestId("network-chart").Locator("svg.main-svg").First).ToBeAttachedAsync();
        Assert.Equal(attestedBefore + 1, await CountAsync(page, "claims-by-state-attested"));
        Assert.Equal(rejectedBefore + 1, await CountAsync(page, "claims-by-state-rejected"));
        Assert.Equal(approvedBefore + 1, await CountAsync(page, "conflicts-by-decision-approved"));
        await Expect(page.GetByTestId("choose-vendor")).ToHaveCountAsync(0);
        await vendor.CheckAsync("ecosystem");
    }

    [Theory]
    [InlineData("program", "member")]
    [InlineData("program/registrations", "conflict")]
    [InlineData("ecosystem", "network-chart")]
    public async Task Each_page_fits_a_phone(string path, string shown)
    {
        await using var phone = await PortalUser.VendorAsync(_chromium, system.Gateway, Vendor.Id, width: 390);
        await phone.OpenAsync(path);
        await Expect(phone.Page.GetByTestId(shown).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        if (path == "ecosystem")
        {
            await Expect(phone.Page.GetByTestId("network-chart").Locator("svg.main-svg").First).ToBeAttachedAsync(new() { Timeout = 30_000 });
        }
        await phone.CheckAsync(path.Replace('/', '-'));
    }

    [Fact]
    public async Task An_administrator_switches_programs_and_reads_a_programs_claims_without_deciding_them()
    {
        var other = DemoEcosystem.Vendors[1];
        await using var admin = await PortalUser.AdministratorAsync(_chromium, system.Gateway);
        await admin.OpenAsync("ecosystem");
        await Expect(admin.Page.GetByTestId("program-title")).ToHaveTextAsync("the whole ecosystem", new() { Timeout = 30_000 });
        await admin.Page.GetByTestId("choose-vendor").SelectOptionAsync(other.Id);
        await Expect(admin.Page.GetByTestId("program-title")).ToContainTextAsync(other.Id, new() { Timeout = 30_000 });
        await Expect(admin.Page.GetByTestId("chart-partners-by-type-chart").Locator("svg.main-svg").First).ToBeAttachedAsync(new() { Timeout = 30_000 });
        await admin.CheckAsync("ecosystem-admin");

        await admin.OpenAsync($"program?vendor={other.Id}");
        await Expect(admin.Page.GetByTestId("member").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(admin.Page.GetByTestId("attest")).ToHaveCountAsync(0);
        await admin.CheckAsync("program-admin");
    }

    [Fact]
    public async Task A_partner_opening_the_program_by_its_address_is_told_it_is_not_for_it()
    {
        await using var partner = await PortalUser.PartnerAsync(_chromium, system.Gateway, new DemoEcosystem().Partners[0].Id, width: 390);
        await partner.OpenAsync("program");
        await Expect(partner.Page.GetByTestId("not-allowed")).ToBeVisibleAsync();
        await Expect(partner.Page.GetByTestId("pending-claims")).ToHaveCountAsync(0);
        await partner.OpenAsync("ecosystem");
        await Expect(partner.Page.GetByTestId("not-allowed")).ToBeVisibleAsync();
    }
}
