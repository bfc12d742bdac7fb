using Microsoft.Playwright;
using Xunit;

namespace EcosystemMarket.TestSupport;

/// <summary>
/// Debian's Chromium (<c>apt-get install chromium</c>, which <c>./run.sh test</c> does) driven by Playwright: no
/// Playwright browser download. Screenshots land in the test output folder under <c>screenshots/</c>.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";
    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser) => (_playwright, Browser) = (playwright, browser);

    public IBrowser Browser { get; }

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        // The Aspire dashboard receives telemetry in batches every second or so; a loaded 2-core CI machine needs more
        // than Playwright's default 5 s for a span or a log line to travel from a service to the page.
        Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        // The root user of a CI container cannot use Chromium's sandbox.
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = ["--no-sandbox"] });
        return new HeadlessChromium(playwright, browser);
    }

    public async Task<IPage> NewPageAsync(int width = 1400)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
        Console.WriteLine($"screenshot: {path}");
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
