using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.TestSupport.Processes;

namespace EcosystemMarket.TestSupport;

/// <summary>
/// One service as its own process, started with the keys the app host gives it (<see cref="ServiceLaunch"/>), on a data folder of its own. A test can kill it (kill -9) and start it again on the
/// same database, ports and queues. Its output is kept, to explain a failure.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly ChildProcess _process;
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(5) };

    public ServiceProcess(string name, string messaging, string dataDirectory, string signingKey, IReadOnlyDictionary<string, string>? settings = null)
    {
        Resource = ServiceLaunch.Named(name);
        SigningKey = signingKey;
        var startInfo = Resource.StartInfo(messaging, signingKey, dataDirectory);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }
        // Kept in the process's own log rather than printed: a test's console would drown in services' output.
        _process = new ChildProcess(name, startInfo);
    }

    public ServiceLaunch Resource { get; }
    public string SigningKey { get; }
    public Uri BaseAddress => new(Resource.HttpUrl);
    public int? ProcessId => _process.ProcessId;

    /// <summary>Starts the process and waits until it is ready (<c>/health</c>: database and broker reachable) or only alive.</summary>
    public async Task StartAsync(bool waitUntilReady = true)
    {
        _process.Start();
        try
        {
            await _process.WaitUntilAsync(() => AnswersAsync(waitUntilReady ? "/health" : "/alive"), StartTimeout);
        }
        catch (Exception failure) when (failure is InvalidOperationException or TimeoutException)
        {
            throw new InvalidOperationException($"{failure.Message}\n{Tail()}", failure);
        }
    }

    /// <summary>kill -9: the process ends mid-flight, with no shutdown code and nothing flushed.</summary>
    public Task KillAsync() => _process.KillAsync();

    public HttpClient Client(string role = Roles.Admin, Guid? partnerId = null) =>
        new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) }.WithToken(DevelopmentTokens.Create(SigningKey, role, partnerId));

    /// <summary>How many of the lines the process wrote (the last <see cref="ChildProcess.KeptLines"/>, across restarts) contain the text.</summary>
    public int LinesContaining(string text) => Lines().Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>The last lines the process wrote.</summary>
    public string Tail(int lines = 60) => $"--- last output of {Resource.Name} ---\n" + string.Join('\n', Lines().TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _probe.Dispose();
    }

    private IEnumerable<string> Lines() => _process.Lines;

    /// <summary><c>/health</c>: ready (database and broker reachable); <c>/alive</c>: the process answers.</summary>
    private async Task<bool> AnswersAsync(string path)
    {
        try
        {
            using var response = await _probe.GetAsync(new Uri(BaseAddress, path));
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
