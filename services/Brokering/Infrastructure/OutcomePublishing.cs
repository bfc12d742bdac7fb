using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Data;

namespace EcosystemMarket.Brokering.Infrastructure;

/// <summary>An aggregate's events go out through the outbox of the unit that saves it, in the order it decided them.</summary>
public static class OutcomePublishing
{
    public static async Task PublishEventsAsync(this UnitOfWork unit, Outcome outcome, CancellationToken cancellationToken)
    {
        foreach (var message in outcome.Events)
        {
            await unit.PublishAsync(message, cancellationToken);
        }
    }
}
