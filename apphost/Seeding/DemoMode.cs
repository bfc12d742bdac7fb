namespace EcosystemMarket.AppHost.Seeding;

/// <summary>
/// The demo ecosystem, seeded through the gateway as its users would: once (the gateway's "Seed demo ecosystem"
/// command), or with <c>--seed-demo</c> once the gateway is healthy and then kept active until the app host stops.
/// Nothing here may take the system down: a failure is reported and the services keep running.
/// </summary>
public static class DemoMode
{
    public static readonly TimeSpan ActivityPace = TimeSpan.FromSeconds(3);

    public static async Task<SeedSummary> SeedAsync(Uri gateway, string signingKey, TextWriter log, CancellationToken cancellationToken)
    {
        using var http = Client(gateway);
        var ecosystem = new DemoEcosystem();
        log.WriteLine($"[demo] seeding {DemoEcosystem.Vendors.Count} vendors, {ecosystem.Partners.Count} partners and {ecosystem.Opportunities.Count} opportunities through {gateway}");
        var started = TimeProvider.System.GetTimestamp();
        var summary = await new DemoSeeder(new EcosystemClient(http, new DemoTokens(signingKey)), ecosystem, new ProgressBar(log, ecosystem.StepCount), log)
            .SeedAsync(cancellationToken);
        log.WriteLine($"[demo] seeded in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s: {summary}");
        return summary;
    }

    public static async Task RunAsync(Uri gateway, string signingKey, TextWriter log, CancellationToken cancellationToken)
    {
        try
        {
            await SeedAsync(gateway, signingKey, log, cancellationToken);
            log.WriteLine($"[demo] keeping the ecosystem active: one step every {ActivityPace.TotalSeconds:0} s until the app host stops");
            using var http = Client(gateway);
            await new DemoActivity(new EcosystemClient(http, new DemoTokens(signingKey)), new DemoEcosystem(), ActivityPace, log).RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception failure)
        {
            log.WriteLine($"[demo] stopped by an unexpected error; the system keeps running: {failure}");
        }
    }

    private static HttpClient Client(Uri gateway) => new() { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
}
