using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ReliabilityTests;

/// <summary>The scenarios that stop the broker share one node of their own (booting a node takes seconds); each takes a virtual host of it.</summary>
[CollectionDefinition(nameof(PrivateBroker))]
public sealed class PrivateBroker : ICollectionFixture<PrivateRabbitMq>;
