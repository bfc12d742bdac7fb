using EcosystemMarket.Partners.Infrastructure;

namespace EcosystemMarket.Partners.Apis;

/// <summary>What the partner endpoints depend on, bound with [AsParameters].</summary>
public sealed record PartnerServices(PartnerRepository Partners, CapabilityCatalog Capabilities, TimeProvider Clock, CancellationToken CancellationToken);
