namespace EcosystemMarket.Hosting.Resources;

/// <summary>The resources the app host runs, in start order, watched every few seconds while it runs.</summary>
public sealed class ResourceTracker(TimeSpan? probeInterval = null) : IAsyncDisposable
{
    private static readonly TimeSpan DefaultProbeInterval = TimeSpan.FromSeconds(3);
    private readonly List<Resource> _resources = [];
    private readonly Lock _lock = new();

    public Resource Add(Resource resource)
    {
        lock (_lock)
        {
            if (_resources.Any(r => r.Name == resource.Name))
            {
                throw new InvalidOperationException($"A resource named {resource.Name} is already tracked.");
            }
            _resources.Add(resource);
        }
        return resource;
    }

    public Resource? Find(string name)
    {
        lock (_lock)
        {
            return _resources.FirstOrDefault(r => r.Name == name);
        }
    }

    public IReadOnlyList<Resource> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _resources];
            }
        }
    }

    /// <summary>Probes every resource until cancelled, and says so on the console when one exits on its own.</summary>
    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.WhenAll(All.Select(resource => WatchOnceAsync(resource, cancellationToken)));
                await Task.Delay(probeInterval ?? DefaultProbeInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops the resources in reverse start order: the dashboard and the gateway first, the broker last.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var resource in All.Reverse())
        {
            await resource.StopAsync();
            await resource.Process.DisposeAsync();
        }
    }

    private static async Task WatchOnceAsync(Resource resource, CancellationToken cancellationToken)
    {
        var before = resource.Snapshot().State;
        var after = await resource.CheckAsync(cancellationToken);
        if (after == ResourceState.Exited && before is ResourceState.Starting or ResourceState.Running or ResourceState.Unhealthy)
        {
            ManagedProcess.Announce($"[apphost] {resource.Name} stopped (exit code {resource.Snapshot().ExitCode}); the rest keeps running.");
        }
    }
}
