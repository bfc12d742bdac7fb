using System.Diagnostics;
using System.Net;
using System.Text.Json;
using EcosystemMarket.Hosting;
using EcosystemMarket.Hosting.Resources;

namespace EcosystemMarket.UnitTests;

/// <summary>Real processes behind the real resource service, over HTTP as the dashboard calls it.</summary>
public sealed class Resource_service : IAsyncLifetime
{
    private readonly ResourceTracker _tracker = new(probeInterval: TimeSpan.FromMilliseconds(100));
    private readonly CancellationTokenSource _stop = new();
    private ResourceService _service = null!;
    private Task _watching = Task.CompletedTask;
    private HttpClient _client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _service = await ResourceService.StartAsync(_tracker);
        _client = new HttpClient { BaseAddress = _service.Url };
        _client.DefaultRequestHeaders.Add(ResourceServiceDefaults.ApiKeyHeader, _service.ApiKey);
        _watching = _tracker.WatchAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        await _tracker.DisposeAsync();
        await _service.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task Lists_each_resource_with_its_state_process_and_urls()
    {
        var echo = await StartAsync("echo", "echo hello; exec sleep 30");

        var resource = Assert.Single((await GetJsonAsync("/resources")).EnumerateArray());

        Assert.Equal("echo", resource.GetProperty("name").GetString());
        Assert.Equal("Executable", resource.GetProperty("kind").GetString());
        Assert.Equal("Running", resource.GetProperty("state").GetString());
        Assert.Equal(echo.Process.ProcessId, resource.GetProperty("processId").GetInt32());
        Assert.Equal(0, resource.GetProperty("restarts").GetInt32());
        Assert.Equal("http://127.0.0.1:1", resource.GetProperty("urls")[0].GetProperty("url").GetString());
        Assert.Equal("Healthy", resource.GetProperty("health").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Serves_console_lines_numbered_oldest_first_with_standard_error_marked()
    {
        await StartAsync("echo", "echo hello; echo oops >&2; exec sleep 30");

        var page = await EventuallyAsync(() => GetJsonAsync("/resources/echo/logs"), p => p.GetProperty("lines").GetArrayLength() == 2);
        var lines = page.GetProperty("lines").EnumerateArray().OrderBy(l => l.GetProperty("sequence").GetInt64()).ToList();

        Assert.Equal([("hello", false), ("oops", true)], lines.Select(l => (l.GetProperty("text").GetString(), l.GetProperty("isError").GetBoolean())).OrderBy(l => l.Item1));
        Assert.Equal(2, page.GetProperty("next").GetInt64());
        Assert.Equal(1, (await GetJsonAsync("/resources/echo/logs?after=1")).GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task Refuses_a_caller_without_the_key_with_problem_details()
    {
        using var anonymous = new HttpClient { BaseAddress = _service.Url };
        using var wrongKey = new HttpClient { BaseAddress = _service.Url };
        wrongKey.DefaultRequestHeaders.Add(ResourceServiceDefaults.ApiKeyHeader, "guess");

        using var withoutKey = await anonymous.GetAsync("/resources", Cancel);
        using var withWrongKey = await wrongKey.PostAsync("/resources/echo/stop", null, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal("application/problem+json", withoutKey.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, withWrongKey.StatusCode);
    }

    [Fact]
    public async Task Restarting_starts_a_new_process_and_counts_the_restart()
    {
        var echo = await StartAsync("echo", "exec sleep 30");
        var firstProcess = echo.Process.ProcessId;

        using var restart = await _client.PostAsync("/resources/echo/restart", null, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);

        var resource = await EventuallyAsync(async () => (await GetJsonAsync("/resources"))[0],
            r => r.GetProperty("state").GetString() == "Running" && r.GetProperty("restarts").GetInt32() == 1);
        Assert.Equal(1, resource.GetProperty("restarts").GetInt32());
        Assert.NotEqual(firstProcess, resource.GetProperty("processId").GetInt32());
    }

    [Fact]
    public async Task A_process_that_dies_shows_exited_with_its_code_and_can_be_started_again()
    {
        await StartAsync("crashing", "sleep 0.2; exit 3");

        var crashed = await EventuallyAsync(async () => (await GetJsonAsync("/resources"))[0], r => r.GetProperty("state").GetString() == "Exited");
        Assert.Equal(3, crashed.GetProperty("exitCode").GetInt32());

        using var start = await _client.PostAsync("/resources/crashing/start", null, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
    }

    [Fact]
    public async Task Refuses_actions_on_unknown_or_uncontrollable_resources_and_in_the_wrong_state()
    {
        await StartAsync("running", "exec sleep 30");
        _tracker.Add(new Resource("dashboard", "Project", Sh("dashboard", "exec sleep 30"), []) { Controllable = false });

        Assert.Equal(HttpStatusCode.NotFound, await PostAsync("/resources/nothing/stop"));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync("/resources/running/explode"));
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync("/resources/running/start"));
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync("/resources/dashboard/stop"));
    }

    private async Task<Resource> StartAsync(string name, string script)
    {
        var resource = _tracker.Add(new Resource(name, "Executable", Sh(name, script), [new("http", "http://127.0.0.1:1")]));
        await resource.StartAsync(TimeSpan.FromSeconds(10), Cancel);
        return resource;
    }

    private static ManagedProcess Sh(string name, string script) => new(name, new ProcessStartInfo("sh", ["-c", script]), output: _ => { });

    private async Task<HttpStatusCode> PostAsync(string path)
    {
        using var response = await _client.PostAsync(path, null, Cancel);
        return response.StatusCode;
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _client.GetAsync(path, Cancel);
        response.EnsureSuccessStatusCode();
        return (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(Cancel), cancellationToken: Cancel)).RootElement.Clone();
    }

    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        var value = await read();
        while (!condition(value) && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, Cancel);
            value = await read();
        }
        return value;
    }
}
