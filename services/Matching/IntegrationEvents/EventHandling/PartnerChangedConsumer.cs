using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Matching.Infrastructure;
using MassTransit;

namespace EcosystemMarket.Matching.IntegrationEvents.EventHandling;

public sealed class PartnerChangedConsumer(PartnerIndex index, ILogger<PartnerChangedConsumer> logger)
    : IConsumer<PartnerRegistered>, IConsumer<PartnerProfileUpdated>
{
    public Task Consume(ConsumeContext<PartnerRegistered> context) => ApplyAsync(context.Message.Partner, context.CancellationToken);

    public Task Consume(ConsumeContext<PartnerProfileUpdated> context) => ApplyAsync(context.Message.Partner, context.CancellationToken);

    private async Task ApplyAsync(PartnerSnapshot partner, CancellationToken cancellationToken)
    {
        await index.ApplyAsync(partner, cancellationToken);
        logger.LogInformation("Indexed partner {PartnerId} version {Version} with {Count} capabilities", partner.PartnerId, partner.Version, partner.Capabilities.Count);
    }
}
