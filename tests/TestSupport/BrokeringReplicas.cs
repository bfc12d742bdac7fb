namespace EcosystemMarket.TestSupport;

/// <summary>
/// Two Brokering processes on one database (one SQLite file in a data folder), as two replicas of a deployment behind
/// a load balancer: what one commits the other reads, and each runs its own background jobs. Both ask one Partners
/// process who takes part: a test registers the partners it acts for (<see cref="RegisterAsync"/>).
/// </summary>
public sealed class BrokeringReplicas : IAsyncDisposable
{
    private BrokeringReplicas(DirectoryProcess directory, ServiceProcess first, ServiceProcess second, string data)
    {
        Directory = directory;
        First = first;
        Second = second;
        DatabasePath = first.Resource.DatabasePath(data);
    }

    public DirectoryProcess Directory { get; }
    public ServiceProcess First { get; }
    public ServiceProcess Second { get; }

    /// <summary>The database both replicas use.</summary>
    public string DatabasePath { get; }

    /// <summary>Starts the replicas one after the other (the first migrates the database), each with settings of its own.</summary>
    public static async Task<BrokeringReplicas> StartAsync(string messaging, string data,
        IReadOnlyDictionary<string, string>? firstSettings = null, IReadOnlyDictionary<string, string>? secondSettings = null)
    {
        var directory = await DirectoryProcess.StartAsync(messaging);
        var first = new ServiceProcess("brokering", messaging, data, TestTokens.SigningKey, directory.With(firstSettings));
        var second = new ServiceProcess("brokering", messaging, data, TestTokens.SigningKey, directory.With(secondSettings));
        try
        {
            await first.StartAsync();
            await second.StartAsync();
            return new BrokeringReplicas(directory, first, second, data);
        }
        catch
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
            await directory.DisposeAsync();
            throw;
        }
    }

    public Task RegisterAsync(params Guid[] partners) => Directory.RegisterAsync(partners);

    /// <summary>Both replicas' last lines, to explain a failure.</summary>
    public string Tail() => $"{First.Tail()}\n{Second.Tail()}";

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        await Directory.DisposeAsync();
    }
}
