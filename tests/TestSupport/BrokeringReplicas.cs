namespace EcosystemMarket.TestSupport;

/// <summary>
/// Two Brokering processes on one database (one SQLite file in a data folder), as two replicas of a deployment behind
/// a load balancer: what one commits the other reads, and each runs its own background jobs.
/// </summary>
public sealed class BrokeringReplicas : IAsyncDisposable
{
    private BrokeringReplicas(ServiceProcess first, ServiceProcess second, string data)
    {
        First = first;
        Second = second;
        DatabasePath = first.Resource.DatabasePath(data);
    }

    public ServiceProcess First { get; }
    public ServiceProcess Second { get; }

    /// <summary>The database both replicas use.</summary>
    public string DatabasePath { get; }

    /// <summary>Starts the replicas one after the other (the first migrates the database), each with settings of its own.</summary>
    public static async Task<BrokeringReplicas> StartAsync(string messaging, string data,
        IReadOnlyDictionary<string, string>? firstSettings = null, IReadOnlyDictionary<string, string>? secondSettings = null)
    {
        var first = new ServiceProcess("brokering", messaging, data, TestTokens.SigningKey, firstSettings);
        var second = new ServiceProcess("brokering", messaging, data, TestTokens.SigningKey, secondSettings);
        try
        {
            await first.StartAsync();
            await second.StartAsync();
            return new BrokeringReplicas(first, second, data);
        }
        catch
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
            throw;
        }
    }

    /// <summary>Both replicas' last lines, to explain a failure.</summary>
    public string Tail() => $"{First.Tail()}\n{Second.Tail()}";

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
    }
}
