namespace EcosystemMarket.EndToEndTests;

/// <summary>The whole system started with <c>--seed-demo</c>, once the app host reports the seed done.</summary>
public sealed class SeededSystem() : RunningSystem("--seed-demo")
{
    private static readonly TimeSpan SeedTimeout = TimeSpan.FromMinutes(2);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var deadline = DateTime.UtcNow + SeedTimeout;
        while (!Output.Contains("[demo] seeded", StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The demo seed did not finish within {SeedTimeout}:\n{Output}");
            }
            await Task.Delay(250);
        }
    }
}
