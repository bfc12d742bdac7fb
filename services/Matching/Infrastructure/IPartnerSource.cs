using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Matching.Infrastructure;

/// <summary>Where the index bootstraps from: every partner snapshot the directory holds.</summary>
public interface IPartnerSource
{
    IAsyncEnumerable<PartnerSnapshot> ReadAllAsync(CancellationToken cancellationToken);
}
