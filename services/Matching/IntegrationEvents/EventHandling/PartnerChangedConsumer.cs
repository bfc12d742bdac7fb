using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Matching.Model;
using MassTransit;

namespace EcosystemMarket.Matching.IntegrationEvents.EventHandling;

/// <summary>Keeps this replica's index current; every replica has its own queue and sees every change.</summary>
public sealed class PartnerChangedConsumer(PartnerIndex index, ILogger<PartnerChangedConsumer> logger)
    : IConsumer<PartnerRegistered>, IConsumer<PartnerProfileUpdated>, IConsumer<PartnerDeactivated>
{
    public Task Consume(ConsumeContext<PartnerRegistered> context) => Apply(context.Message.Partner);

    public Task Consume(ConsumeContext<PartnerProfileUpdated> context) => Apply(context.Message.Partner);

    public Task Consume(ConsumeContext<PartnerDeactivated> context) => Apply(context.Message.Partner);

    private Task Apply(PartnerSnapshot partner)
    {
        if (index.Apply(partner))
        {
            logger.LogInformation("Indexed partner {PartnerId} version {Version} ({Count} capabilities, active: {Active})",
                partner.PartnerId, partner.Version, partner.Capabilities.Count, partner.Active);
        }
        return Task.CompletedTask;
    }
}
