namespace EcosystemMarket.Hosting.Resources;

/// <summary>
/// A process the app host runs, as the resource service shows and controls it: its state, health, URLs
/// and console log. Start, stop and restart are accepted or refused at once; stopping runs in the background.
/// </summary>
public sealed class Resource(string name, string kind, ManagedProcess process, IReadOnlyList<ResourceUrl> urls, HealthProbe? probe = null, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly HealthProbe _probe = probe ?? HealthProbes.ProcessAlive(clock);
    private readonly ResourceLifecycle _lifecycle = new();
    private readonly Lock _lock = new();
    private Task _pending = Task.CompletedTask;

    public string Name => name;
    public ManagedProcess Process => process;
    public ConsoleLog Log => process.Log;

    /// <summary>False for the dashboard: it must not stop the process that shows it.</summary>
    public bool Controllable { get; init; } = true;

    public ResourceSnapshot Snapshot()
    {
        lock (_lock)
        {
            return new ResourceSnapshot(name, kind, _lifecycle.State, _lifecycle.StartedAt, _lifecycle.IsAlive || _lifecycle.State == ResourceState.Stopping ? process.ProcessId : null,
                _lifecycle.ExitCode, _lifecycle.Restarts, urls, _lifecycle.Health);
        }
    }

    /// <summary>Starts the process; false when it is running or stopping.</summary>
    public bool TryStart()
    {
        lock (_lock)
        {
            if (!_lifecycle.CanStart)
            {
                return false;
            }
            StartProcess();
            return true;
        }
    }

    public bool TryStop()
    {
        lock (_lock)
        {
            if (!_lifecycle.IsAlive)
            {
                return false;
            }
            _lifecycle.Stopping();
            _pending = Task.Run(StopProcessAsync);
            return true;
        }
    }

    /// <summary>Stops the process if it runs, then starts it again; refused only while a stop is under way.</summary>
    public bool TryRestart()
    {
        lock (_lock)
        {
            if (_lifecycle.State == ResourceState.Stopping)
            {
                return false;
            }
            _lifecycle.Stopping();
            _pending = Task.Run(RestartAsync);
            return true;
        }

        async Task RestartAsync()
        {
            await StopProcessAsync();
            lock (_lock)
            {
                StartProcess();
            }
        }
    }

    /// <summary>Starts the process and waits until its probe passes; fails when it exits first or takes too long.</summary>
    public async Task StartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!TryStart())
        {
            throw new InvalidOperationException($"{name} is already running.");
        }
        await process.WaitUntilAsync(async () => (await CheckAsync(cancellationToken)) is ResourceState.Running, timeout, cancellationToken);
    }

    /// <summary>One round of watching: notes an exit, else probes health. Returns the state it leaves.</summary>
    public async Task<ResourceState> CheckAsync(CancellationToken cancellationToken)
    {
        int generation;
        lock (_lock)
        {
            if (_lifecycle.IsAlive && process.HasExited)
            {
                _lifecycle.Exited(process.ExitCode);
            }
            if (!_lifecycle.IsAlive)
            {
                return _lifecycle.State;
            }
            generation = _lifecycle.Generation;
        }
        var report = await _probe(cancellationToken);
        lock (_lock)
        {
            _lifecycle.Probed(report, generation);
            return _lifecycle.State;
        }
    }

    /// <summary>Stops the process as the app host shuts down, after any action under way.</summary>
    public async Task StopAsync()
    {
        Task pending;
        lock (_lock)
        {
            _lifecycle.Stopping();
            pending = _pending;
        }
        await pending;
        await StopProcessAsync();
    }

    private void StartProcess()
    {
        _lifecycle.Starting(_clock.GetUtcNow());
        try
        {
            process.Start();
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            process.Log.Append($"could not start: {exception.Message}", isError: true);
            _lifecycle.Exited(null);
        }
    }

    private async Task StopProcessAsync()
    {
        await process.StopAsync();
        lock (_lock)
        {
            _lifecycle.Exited(process.ExitCode);
        }
    }
}
