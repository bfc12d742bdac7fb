using System.Diagnostics;
using EcosystemMarket.Hosting;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.TestSupport;
using Microsoft.Playwright;

namespace EcosystemMarket.BrowserTests;

/// <summary>
/// The dashboard's build output run as its own process, configured only through the keys the app host sets, against
/// <see cref="FakeSources"/>; and one headless Debian Chromium (no Playwright browser download) to look at it.
/// </summary>
public sealed class DashboardUnderTest : IAsyncLifetime
{
    public const string BrowserToken = "operator-browser-token";
    public static readonly string SigningKey = DevelopmentTokens.NewSigningKey();
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Queue<string> _output = new();
    private ManagedProcess? _process;
    private HeadlessChromium? _chromium;

    public FakeSources Sources { get; } = new();
    public string Url { get; } = $"http://127.0.0.1:{FreePort.Next()}";

    public async ValueTask InitializeAsync()
    {
        await Sources.StartAsync();
        _process = new ManagedProcess("dashboard", StartInfo(), output: Keep);
        _process.Start();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            await _process.WaitUntilAsync(() => AnswersAsync(probe), StartTimeout);
        }
        catch (ResourceFailedException failure)
        {
            throw new InvalidOperationException($"{failure.Message}\n{Tail()}", failure);
        }
        _chromium = await HeadlessChromium.LaunchAsync();
    }

    /// <summary>A browser page signed in as the operator, by the link the app host prints.</summary>
    public async Task<IPage> OperatorPageAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"{Url}/login?t={BrowserToken}");
        return page;
    }

    /// <summary>A browser page after pasting a token on the sign-in page.</summary>
    public async Task<IPage> PageSignedInWithAsync(string token)
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"{Url}/login");
        await page.GetByTestId("login-token").FillAsync(token);
        await page.GetByTestId("login-submit").ClickAsync();
        return page;
    }

    public static string VendorToken(string vendor) => DevelopmentTokens.Create(SigningKey, Roles.Vendor, vendorId: vendor);

    public static Task ScreenshotAsync(IPage page, string name) => HeadlessChromium.ScreenshotAsync(page, name);

    public string Tail()
    {
        lock (_output)
        {
            return "--- last output of the dashboard ---\n" + string.Join('\n', _output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
        if (_process is not null)
        {
            await _process.DisposeAsync();
            // Shown by the test platform when a test failed: the dashboard's side of the story.
            Console.WriteLine(Tail());
        }
        await Sources.DisposeAsync();
    }

    private Task<IPage> NewPageAsync() => _chromium!.NewPageAsync();

    private ProcessStartInfo StartInfo()
    {
        var dashboard = Path.Combine(RepositoryLayout.Root, "apphost", "Dashboard", "bin", RepositoryLayout.Configuration, "net10.0", "EcosystemMarket.Dashboard.dll");
        var startInfo = new ProcessStartInfo("dotnet", [dashboard]);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = Url,
            [ResourceServiceDefaults.UrlKey] = Sources.ServiceUrl,
            ["Dashboard__ResourceServiceClient__ApiKey"] = FakeSources.ApiKey,
            ["Dashboard__Frontend__BrowserToken"] = BrowserToken,
            ["Dashboard__ServiceToken"] = DevelopmentTokens.Create(SigningKey, Roles.Admin),
            ["Dashboard__ScrapeInterval"] = "00:00:01",
            ["Dashboard__RabbitMq__ManagementUrl"] = Sources.ServiceUrl,
            ["Jwt__SigningKey"] = SigningKey,
            ["services__brokering__http__0"] = Sources.ServiceUrl,
            ["services__gateway__http__0"] = Sources.GatewayUrl,
            // Named but not running: the metrics page shows it as down.
            ["services__partners__http__0"] = $"http://127.0.0.1:{FreePort.Next()}",
        };
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }
        return startInfo;
    }

    private async Task<bool> AnswersAsync(HttpClient probe)
    {
        try
        {
            return (await probe.GetAsync($"{Url}/login")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private void Keep(string line)
    {
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 200)
            {
                _output.Dequeue();
            }
        }
    }
}
