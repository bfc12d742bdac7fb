using System.Globalization;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using EcosystemMarket.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcosystemMarket.EndToEndTests.Portal;

/// <summary>
/// One person in the portal, in a browser of their own (its own cookies), signed in through the development
/// sign-in as a partner, a vendor or an administrator. <see cref="OpenAsync"/> waits until the page runs in its
/// circuit, so clicks land; <see cref="CheckAsync"/> is what every page must pass: no serious or critical axe-core
/// violation, no sideways scrolling, and a screenshot kept as an artifact.
/// </summary>
public sealed class PortalUser : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly Uri _portal;

    private PortalUser(IBrowserContext context, IPage page, Uri portal, int width) => (_context, Page, _portal, Width) = (context, page, portal, width);

    public IPage Page { get; }
    public int Width { get; }

    public static Task<PortalUser> PartnerAsync(HeadlessChromium chromium, Uri portal, Guid partnerId, int width = 1280) =>
        SignInAsync(chromium, portal, width, null, async page =>
        {
            await page.GetByTestId("dev-partner").SelectOptionAsync(partnerId.ToString());
            await page.GetByTestId("dev-partner-submit").ClickAsync();
        });

    /// <summary>A new organisation: the development sign-in gives it a fresh id and opens its profile.</summary>
    public static Task<PortalUser> NewOrganisationAsync(HeadlessChromium chromium, Uri portal, int width = 1280) =>
        SignInAsync(chromium, portal, width, null, async page =>
        {
            await page.GetByTestId("dev-partner").SelectOptionAsync("new");
            await page.GetByTestId("dev-partner-submit").ClickAsync();
        });

    /// <summary>A vendor, who lands on its program, or on <paramref name="startAt"/> (a path like <c>program/payouts</c>).</summary>
    public static Task<PortalUser> VendorAsync(HeadlessChromium chromium, Uri portal, string vendorId, int width = 1280, string? startAt = null) =>
        SignInAsync(chromium, portal, width, startAt, async page =>
        {
            await page.GetByTestId("dev-vendor").FillAsync(vendorId);
            await page.GetByTestId("dev-vendor-submit").ClickAsync();
        });

    public static Task<PortalUser> AdministratorAsync(HeadlessChromium chromium, Uri portal, int width = 1280) =>
        SignInAsync(chromium, portal, width, null, page => page.GetByTestId("dev-admin-submit").ClickAsync());

    private static async Task<PortalUser> SignInAsync(HeadlessChromium chromium, Uri portal, int width, string? startAt, Func<IPage, Task> choose)
    {
        var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        var signIn = startAt is null ? "signin" : $"signin?returnUrl={Uri.EscapeDataString("/" + startAt)}";
        await page.GotoAsync(new Uri(portal, signIn).ToString());
        await choose(page);
        // The URL changes once the page signed in to has been rendered on the server, which reads the gateway: on a loaded
        // 2-core CI machine beside the demo's activity that took over 30 s once, so the wait is a minute.
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal), new() { Timeout = 60_000 });
        var user = new PortalUser(context, page, portal, width);
        await user.WaitUntilInteractiveAsync();
        return user;
    }

    /// <summary>Opens a page of the portal (a path like <c>opportunities/new</c>) and waits until it is interactive.</summary>
    public async Task OpenAsync(string path)
    {
        await Page.GotoAsync(new Uri(_portal, path).ToString());
        await WaitUntilInteractiveAsync();
    }

    public Task WaitUntilInteractiveAsync() =>
        Expect(Page.Locator("main[data-interactive]")).ToBeAttachedAsync(new() { Timeout = 30_000 });

    /// <summary>What every page must pass, at this user's width; the screenshot is named after the page.</summary>
    public async Task CheckAsync(string name)
    {
        // Checked once the page has settled: every Fluent element defined (a custom element labels its inner control when it connects).
        await Expect(Page.Locator(":not(:defined)")).ToHaveCountAsync(0);
        await HeadlessChromium.ScreenshotAsync(Page, $"portal-{name}-{Width}");
        Assert.False(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth"),
            $"The page '{name}' scrolls sideways at {Width} px.");
        var serious = await SeriousViolationsAsync();
        if (serious.Count > 0)
        {
            // A violation seen while a component was still rendering is asked again once: what stays is the page's.
            await Page.WaitForTimeoutAsync(2_000);
            serious = await SeriousViolationsAsync();
        }
        Assert.True(serious.Count == 0, $"axe-core finds serious or critical violations on '{name}' at {Width} px:\n" + string.Join("\n", serious.Select(Describe)));
    }

    private async Task<List<AxeResultItem>> SeriousViolationsAsync() =>
        (await Page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").ToList();

    /// <summary>How the portal writes an amount of US dollars.</summary>
    public static string Usd(decimal amount) => $"{amount.ToString("N2", CultureInfo.InvariantCulture)} USD";

    /// <summary>
    /// Does <paramref name="act"/> until <paramref name="holds"/> passes within its own timeout (it throws a
    /// <see cref="PlaywrightException"/> when not), at most <paramref name="attempts"/> times; the last failure is the test's.
    /// </summary>
    public static async Task RepeatUntilAsync(Func<Task> act, Func<Task> holds, int attempts = 5)
    {
        for (var attempt = 1; ; attempt++)
        {
            await act();
            try
            {
                await holds();
                return;
            }
            catch (PlaywrightException) when (attempt < attempts)
            {
            }
        }
    }

    /// <summary>
    /// Types into a Fluent text input until the page has heard it, which <paramref name="heard"/> checks within a few
    /// seconds. Typing the moment the input appears can come before its script listens, so it is cleared and typed again.
    /// </summary>
    public static Task TypeUntilHeardAsync(ILocator textbox, string text, Func<Task> heard) =>
        RepeatUntilAsync(async () =>
        {
            await textbox.FillAsync("");
            await textbox.FillAsync(text);
        }, heard);

    /// <summary>A check for <see cref="TypeUntilHeardAsync"/>: the button, disabled while the text is missing, is enabled.</summary>
    public static Func<Task> Enabled(ILocator button) =>
        () => Expect(button).Not.ToHaveAttributeAsync("disabled", AnyValue(), new() { Timeout = 3_000 });

    /// <summary>A Fluent button is a custom element: it is disabled while it has the attribute, whatever its value.</summary>
    private static System.Text.RegularExpressions.Regex AnyValue() => new(".*");

    private static string Describe(AxeResultItem violation) =>
        $"- {violation.Id} ({violation.Impact}): {violation.Help}\n" + string.Join("\n", violation.Nodes.Take(5).Select(n => $"    {string.Join(" ", n.Target?.ToString() ?? "")}: {n.Html}"));

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
