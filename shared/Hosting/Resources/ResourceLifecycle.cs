namespace EcosystemMarket.Hosting.Resources;

/// <summary>
/// The state a resource is in, as its process and its health probes report it. Starting lasts until the
/// first healthy probe; after that a failed probe makes it Unhealthy and a passing one Running again.
/// Not thread-safe: <see cref="Resource"/> serialises the calls.
/// </summary>
public sealed class ResourceLifecycle
{
    public ResourceState State { get; private set; } = ResourceState.NotStarted;
    public DateTimeOffset? StartedAt { get; private set; }
    public int? ExitCode { get; private set; }
    public HealthReport? Health { get; private set; }

    /// <summary>Starts after the first: the app host starts each resource once, so every later start was asked for.</summary>
    public int Restarts { get; private set; }

    /// <summary>Bumped on every start, so a probe that began against the previous process is not applied to the new one.</summary>
    public int Generation { get; private set; }

    public bool CanStart => State is ResourceState.NotStarted or ResourceState.Exited;
    public bool IsAlive => State is ResourceState.Starting or ResourceState.Running or ResourceState.Unhealthy;

    public void Starting(DateTimeOffset at)
    {
        if (Generation > 0)
        {
            Restarts++;
        }
        Generation++;
        State = ResourceState.Starting;
        StartedAt = at;
        ExitCode = null;
        Health = null;
    }

    public void Probed(HealthReport report, int generation)
    {
        if (generation != Generation || !IsAlive)
        {
            return;
        }
        Health = report;
        State = report.Status == HealthProbes.Healthy ? ResourceState.Running
            : State == ResourceState.Starting ? ResourceState.Starting
            : ResourceState.Unhealthy;
    }

    public void Stopping()
    {
        if (IsAlive)
        {
            State = ResourceState.Stopping;
        }
    }

    public void Exited(int? exitCode)
    {
        State = ResourceState.Exited;
        ExitCode = exitCode;
    }
}
