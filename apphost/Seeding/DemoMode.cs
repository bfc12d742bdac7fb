namespace EcosystemMarket.AppHost.Seeding;

/// <summary>
/// <c>--seed-demo</c>: once the gateway is healthy, seed the demo ecosystem, then keep it active until the app
/// host stops. Nothing here may take the system down: a failure is reported and the services keep running.
/// </summary>
public static class DemoMode
{
    public static readonly TimeSpan ActivityPace = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(Uri gateway, string signingKey, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        var client = new EcosystemClient(http, new DemoTokens(signingKey));
        var ecosystem = new DemoEcosystem();
        var progress = ProgressBar.ForConsole(ecosystem.StepCount);
        // Read after the progress bar may have put a status line in front of the console.
        var log = Console.Out;
        try
        {
            log.WriteLine($"[demo] seeding {DemoEcosystem.Vendors.Count} vendors, {ecosystem.Partners.Count} partners and {ecosystem.Opportunities.Count} opportunities through {gateway}");
            var started = TimeProvider.System.GetTimestamp();
            var summary = await new DemoSeeder(client, ecosystem, progress, log).SeedAsync(cancellationToken);
            log.WriteLine($"[demo] seeded in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s: {summary}");
            log.WriteLine($"[demo] keeping the ecosystem active: one step every {ActivityPace.TotalSeconds:0} s until the app host stops");
            await new DemoActivity(client, ecosystem, ActivityPace, log).RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception failure)
        {
            log.WriteLine($"[demo] stopped by an unexpected error; the system keeps running: {failure}");
        }
    }
}
