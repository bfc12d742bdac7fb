using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ReliabilityTests;

/// <summary>Settlement as a process on a virtual host of the shared broker, fed by an outbox, for one test class.</summary>
public sealed class SettlementOnSharedBroker : IAsyncLifetime
{
    public SettlementSystem System { get; private set; } = null!;

    public async ValueTask InitializeAsync() => System = await SettlementSystem.StartAsync();

    public async ValueTask DisposeAsync() => await System.DisposeAsync();
}
