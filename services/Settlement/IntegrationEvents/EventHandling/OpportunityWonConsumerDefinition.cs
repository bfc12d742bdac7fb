using MassTransit;

namespace EcosystemMarket.Settlement.IntegrationEvents.EventHandling;

/// <summary>
/// Wins are booked in batches, one ledger transaction each: its statements are prepared once for the batch and its
/// commit waits for one disk flush. Two batches at a time share the deliveries the endpoint holds
/// (<c>Messaging:PrefetchCount</c>), so one fills while the other commits.
/// </summary>
public sealed class OpportunityWonConsumerDefinition : ConsumerDefinition<OpportunityWonConsumer>
{
    private const int ConcurrentBatches = 2;

    /// <summary>How long a batch waits to fill: the most a win waits for its batch when few arrive.</summary>
    private static readonly TimeSpan FillTime = TimeSpan.FromMilliseconds(20);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<OpportunityWonConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseFilter(new UnbookableWinFilter());
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(Math.Max(1, endpointConfigurator.PrefetchCount / ConcurrentBatches))
            .SetConcurrencyLimit(ConcurrentBatches)
            .SetTimeLimit(FillTime));
    }
}
