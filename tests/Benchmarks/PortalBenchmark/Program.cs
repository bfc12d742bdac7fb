using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using EcosystemMarket.MatchingBenchmark;

// How long the portal's pages take to answer on a running system, as a person's browser asks for them: signed in
// through the development sign-in (the app host turns it on), each page fetched whole (server-rendered, with every
// gateway call it makes), one after another, --rounds times. Pages answer within a second on the seeded system: this
// prints each page's p50, p90 and max, and the slowest page against that second.
const string Usage = """
    usage: PortalBenchmark [--gateway URL] [--rounds N] [--partner GUID] [--vendor ID]
      --gateway URL    the running system's gateway, where the portal answers (default http://localhost:5080)
      --rounds N       times each page is fetched (default 20)
      --partner GUID   the partner to sign in as (default: the first the sign-in page offers)
      --vendor ID      the vendor to sign in as (default: the first program the sign-in page offers)
    """;

var gateway = new Uri("http://localhost:5080");
var rounds = 20;
string? partnerId = null, vendorId = null;
for (var i = 0; i < args.Length; i += 2)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--gateway" when Uri.TryCreate(value, UriKind.Absolute, out var given):
            gateway = given;
            break;
        case "--rounds" when int.TryParse(value, out var n) && n > 0:
            rounds = n;
            break;
        case "--partner" when Guid.TryParse(value, out var id):
            partnerId = id.ToString();
            break;
        case "--vendor" when value is { Length: > 0 }:
            vendorId = value;
            break;
        default:
            Console.Error.WriteLine($"Unknown option or bad value: {string.Join(' ', args.Skip(i).Take(2))}\n{Usage}");
            return 2;
    }
}

var load = LoadAverage();
var partner = await Browser.SignInAsync(gateway, "partner", form => partnerId ?? form.Options("dev-partner").First(o => o != "new"));
var vendor = await Browser.SignInAsync(gateway, "vendor", form => vendorId ?? form.Options("dev-vendors").First());
if (partner is null || vendor is null)
{
    Console.Error.WriteLine("The development sign-in offered no partner or vendor: start the system with ./run.sh start --seed-demo.");
    return 1;
}

// An opportunity the partner owns or was invited to, if it has one: the page people spend their day on.
var pages = new List<(Browser Who, string Path)>
{
    (partner, "/"), (partner, "/profile"), (partner, "/opportunities"), (partner, "/invitations"), (partner, "/money"),
    (vendor, "/program"), (vendor, "/program/registrations"), (vendor, "/program/payouts"), (vendor, "/ecosystem"),
};
if (Regex.Match(await partner.GetTextAsync("/opportunities"), "href=\"(opportunities/[0-9a-f-]{36})\"") is { Success: true } link)
{
    pages.Insert(3, (partner, "/" + link.Groups[1].Value));
}

var errors = 0;
var results = new List<(string Page, Latencies Latencies)>();
foreach (var (who, path) in pages)
{
    var latencies = new Latencies(rounds);
    for (var round = 0; round < rounds; round++)
    {
        var started = Stopwatch.GetTimestamp();
        var status = await who.GetStatusAsync(path);
        latencies.Add(started);
        if (status != HttpStatusCode.OK)
        {
            errors++;
            Console.Error.WriteLine($"{who.Role} {path}: {(int)status} {status}");
        }
    }
    results.Add(($"{who.Role} {path}", latencies));
}

Console.WriteLine($"Portal pages through the gateway, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
Console.WriteLine($"  command: PortalBenchmark {string.Join(' ', args)}");
Console.WriteLine($"  gateway {gateway}, {rounds} rounds per page, one request at a time; load average at start {load}, at end {LoadAverage()}");
Console.WriteLine();
Console.WriteLine("| page | p50 | p90 | max |");
Console.WriteLine("|---|---|---|---|");
foreach (var (page, latencies) in results)
{
    Console.WriteLine($"| {page} | {Latencies.Format(latencies.Percentile(50))} | {Latencies.Format(latencies.Percentile(90))} | {Latencies.Format(latencies.Max)} |");
}
var slowest = results.MaxBy(r => r.Latencies.Percentile(90));
Console.WriteLine();
Console.WriteLine($"  slowest page at p90: {slowest.Page}, {Latencies.Format(slowest.Latencies.Percentile(90))} = {slowest.Latencies.Percentile(90) / 1000:F2} of the 1 s target");
Console.WriteLine($"  errors: {errors}");
return errors == 0 ? 0 : 1;

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

/// <summary>A browser of one person: its own cookies, signed in through the portal's development sign-in form.</summary>
internal sealed partial class Browser(HttpClient http, string role)
{
    public string Role { get; } = role;

    public static async Task<Browser?> SignInAsync(Uri gateway, string role, Func<SignInForm, string> choose)
    {
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = gateway,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var form = new SignInForm(await http.GetStringAsync("signin"));
        string choice;
        try
        {
            choice = choose(form);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        using var answer = await http.PostAsync("signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = role,
            ["__RequestVerificationToken"] = form.AntiforgeryToken(),
            [role == "partner" ? "Partner" : "Vendor"] = choice,
        }));
        return answer.StatusCode == HttpStatusCode.Redirect ? new Browser(http, role) : null;
    }

    public async Task<HttpStatusCode> GetStatusAsync(string path)
    {
        using var response = await http.GetAsync(path.TrimStart('/'), HttpCompletionOption.ResponseContentRead);
        return response.StatusCode;
    }

    public Task<string> GetTextAsync(string path) => http.GetStringAsync(path.TrimStart('/'));
}

/// <summary>The sign-in page's forms, read as a browser would: the choices offered and each form's antiforgery token.</summary>
internal sealed partial class SignInForm(string html)
{
    public IEnumerable<string> Options(string listId) =>
        Regex.Match(html, $"id=\"{listId}\"[^>]*>(.*?)</(select|datalist)>", RegexOptions.Singleline) is { Success: true } list
            ? OptionValue().Matches(list.Groups[1].Value).Select(m => m.Groups[1].Value)
            : [];

    /// <summary>One token serves every form of the page: it is the request's, not the form's.</summary>
    public string AntiforgeryToken() =>
        Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"") is { Success: true } token
            ? WebUtility.HtmlDecode(token.Groups[1].Value)
            : throw new InvalidOperationException("The sign-in page has no antiforgery token.");

    [GeneratedRegex("<option value=\"([^\"]+)\"")]
    private static partial Regex OptionValue();
}
