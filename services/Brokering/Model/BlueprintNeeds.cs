using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Brokering.Model;

/// <summary>
/// A vendor's blueprint as an opportunity posted around it needs it: whose program it belongs to and the capabilities
/// delivering it takes, which become the opportunity's must-haves when the owner names none of its own.
/// </summary>
public sealed record BlueprintNeeds(Guid Id, string VendorId, string Name, IReadOnlyList<string> Capabilities)
{
    public IReadOnlyList<CapabilityNeed> AsNeeds() => Capabilities.Select(c => new CapabilityNeed { Capability = c, MustHave = true }).ToList();
}
