using EcosystemMarket.Matching.Infrastructure;
using EcosystemMarket.Matching.Model;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.ServiceTests;

/// <summary>Matching with <c>Messaging:QuorumQueues</c> on, as the Kubernetes manifests run every service.</summary>
public sealed class QuorumMatchingFixture() : ServiceFixture<TrackRecordStore>("matchingdb")
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IPartnerSource>(new DirectoryStub());

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Messaging:QuorumQueues"] = "true" };
}

/// <summary>
/// On a RabbitMQ cluster the system's queues are quorum queues, replicated over the nodes; a replica's own temporary
/// queue (Matching's fan-out of partner and brokering events) cannot be one and stays a classic queue that goes with it.
/// Matching has both kinds, so it shows both.
/// </summary>
public sealed class Quorum_queues(QuorumMatchingFixture fixture) : IClassFixture<QuorumMatchingFixture>
{
    [Fact]
    public async Task Are_declared_for_the_shared_queues_and_not_for_a_replicas_own()
    {
        var types = await fixture.Broker.QueueTypesAsync();

        Assert.Equal("quorum", types["matching-brokering-activity-recorder"]);
        var own = types.Where(q => q.Key.StartsWith("matching-partner-changed", StringComparison.Ordinal)
                                   || q.Key.StartsWith("matching-brokering-activity-observer", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, own.Count);
        Assert.All(own, queue => Assert.Equal("classic", queue.Value));
    }

    [Fact]
    public async Task Are_not_declared_unless_configured()
    {
        await using var broker = new TestSupport.RabbitMqVirtualHost();
        await broker.InitializeAsync();
        await using var settlement = new ServiceHost<EcosystemMarket.Settlement.Infrastructure.Ledger>("settlementdb", broker.ConnectionString, _ => { }, new Dictionary<string, string>());
        using var client = settlement.CreateClient();
        await TestSupport.Eventually.HoldsAsync(() => client.GetAsync("/health", TestContext.Current.CancellationToken), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(60));

        var types = await broker.QueueTypesAsync();

        Assert.Equal("classic", types["settlement-opportunity-won"]);
    }
}
