namespace EcosystemMarket.ServiceTests;

/// <summary>
/// The tests that read /metrics run alone, each class on a host of its own. A host's OpenTelemetry provider
/// listens to every meter of the names it registered in the process, and when another host of the test
/// process disposes its meters (ASP.NET Core's, the ecosystem ones), the provider drops those instruments'
/// streams for good. In production one service is one process, so only the tests need this.
/// </summary>
[CollectionDefinition(nameof(MetricsScrapes), DisableParallelization = true)]
public sealed class MetricsScrapes;
