using EcosystemMarket.Partners.Infrastructure;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.ServiceDefaults.Problems;

namespace EcosystemMarket.Partners.Apis;

/// <summary>What the partner endpoints depend on, bound with [AsParameters].</summary>
public sealed record PartnerServices(PartnerRepository Partners, CapabilityCatalog Capabilities, BlueprintStore Blueprints, TimeProvider Clock,
    CancellationToken CancellationToken)
{
    /// <summary>The profile with its adopting solutions completed from their blueprints, and its validation against the taxonomy and them.</summary>
    public async Task<(PartnerProfile Profile, ValidationErrors Errors)> CheckAsync(PartnerProfile profile)
    {
        var blueprints = (await Blueprints.GetManyAsync(profile.BlueprintIds(), CancellationToken)).ToDictionary(b => b.Key, b => b.Value.Blueprint);
        var completed = profile.AdoptingFrom(blueprints);
        var taxonomy = await Capabilities.KnowingAsync(completed.CapabilityCodes(), CancellationToken);
        return (completed, completed.Validate(taxonomy, blueprints));
    }
}
