namespace EcosystemMarket.EndToEndTests;

/// <summary>
/// The whole system as <c>./run.sh start --seed-demo</c> starts it: the app host's own RabbitMQ node, the Aspire
/// dashboard, and the demo ecosystem seeded through the gateway (ready once the seeding reports it is done).
/// </summary>
public sealed class SeededSystem() : RunningSystem(ownBroker: true, "--seed-demo")
{
    private static readonly TimeSpan SeedTimeout = TimeSpan.FromMinutes(3);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var deadline = DateTime.UtcNow + SeedTimeout;
        while (!Output.Contains("[demo] seeded", StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The demo seed did not finish within {SeedTimeout}:\n{Tail(Output)}");
            }
            await Task.Delay(250);
        }
    }
}
