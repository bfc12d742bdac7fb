using EcosystemMarket.Hosting;
using EcosystemMarket.Hosting.Resources;

namespace EcosystemMarket.UnitTests;

public sealed class Resource_states
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static HealthReport Healthy => new(HealthProbes.Healthy, Now, "HTTP 200");
    private static HealthReport Unhealthy => new(HealthProbes.Unhealthy, Now, "HTTP 503");

    [Fact]
    public void A_resource_is_not_started_until_it_starts()
    {
        var lifecycle = new ResourceLifecycle();

        Assert.Equal(ResourceState.NotStarted, lifecycle.State);
        Assert.True(lifecycle.CanStart);
    }

    [Fact]
    public void Starting_lasts_until_the_first_healthy_probe()
    {
        var lifecycle = new ResourceLifecycle();
        lifecycle.Starting(Now);

        lifecycle.Probed(Unhealthy, lifecycle.Generation);
        Assert.Equal(ResourceState.Starting, lifecycle.State);

        lifecycle.Probed(Healthy, lifecycle.Generation);
        Assert.Equal(ResourceState.Running, lifecycle.State);
        Assert.Equal(Now, lifecycle.StartedAt);
        Assert.Equal(Healthy, lifecycle.Health);
    }

    [Fact]
    public void A_running_resource_turns_unhealthy_on_a_failed_probe_and_back_on_a_passing_one()
    {
        var lifecycle = new ResourceLifecycle();
        lifecycle.Starting(Now);
        lifecycle.Probed(Healthy, lifecycle.Generation);

        lifecycle.Probed(Unhealthy, lifecycle.Generation);
        Assert.Equal((ResourceState.Unhealthy, "HTTP 503"), (lifecycle.State, lifecycle.Health?.Detail));

        lifecycle.Probed(Healthy, lifecycle.Generation);
        Assert.Equal(ResourceState.Running, lifecycle.State);
    }

    [Fact]
    public void A_probe_begun_before_a_restart_does_not_count_for_the_new_process()
    {
        var lifecycle = new ResourceLifecycle();
        lifecycle.Starting(Now);
        var before = lifecycle.Generation;
        lifecycle.Exited(0);
        lifecycle.Starting(Now);

        lifecycle.Probed(Healthy, before);

        Assert.Equal(ResourceState.Starting, lifecycle.State);
    }

    [Fact]
    public void Stopping_then_exiting_keeps_the_exit_code_and_probes_no_longer_change_the_state()
    {
        var lifecycle = new ResourceLifecycle();
        lifecycle.Starting(Now);
        lifecycle.Stopping();
        Assert.Equal(ResourceState.Stopping, lifecycle.State);

        lifecycle.Exited(143);
        lifecycle.Probed(Healthy, lifecycle.Generation);

        Assert.Equal((ResourceState.Exited, 143), (lifecycle.State, lifecycle.ExitCode));
        Assert.True(lifecycle.CanStart);
    }

    [Fact]
    public void Every_start_after_the_first_counts_as_a_restart_and_clears_the_exit_code()
    {
        var lifecycle = new ResourceLifecycle();
        lifecycle.Starting(Now);
        Assert.Equal(0, lifecycle.Restarts);
        lifecycle.Exited(1);

        lifecycle.Starting(Now.AddMinutes(1));

        Assert.Equal((1, ResourceState.Starting, (int?)null, Now.AddMinutes(1)), (lifecycle.Restarts, lifecycle.State, lifecycle.ExitCode, lifecycle.StartedAt));
    }

    [Fact]
    public void Stopping_is_refused_to_a_resource_that_is_not_running()
    {
        var lifecycle = new ResourceLifecycle();

        lifecycle.Stopping();

        Assert.Equal(ResourceState.NotStarted, lifecycle.State);
    }
}
