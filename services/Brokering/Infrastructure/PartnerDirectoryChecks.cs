using System.Text.Json;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Contracts.Partners;
using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Brokering.Infrastructure;

/// <summary>What Brokering asks the partner directory before a change: who takes part, and which capability codes exist.</summary>
public interface IPartnerDirectoryChecks
{
    Task<IReadOnlyDictionary<Guid, PartnerStanding>> StandingsAsync(IReadOnlyCollection<Guid> partnerIds, CancellationToken cancellationToken);

    /// <summary>The codes the taxonomy does not know, each with the closest codes it does.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> UnknownCapabilitiesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken);

    /// <summary>Names, standing and advertised capabilities of the partners the directory knows among these.</summary>
    Task<IReadOnlyDictionary<Guid, DirectoryProfile>> ProfilesAsync(IReadOnlyCollection<Guid> partnerIds, CancellationToken cancellationToken);
}

/// <summary>
/// Asks Partners over gRPC at the moment of the change, not a copy kept from its events: a partner deactivated
/// a second ago can no longer act, and a code added a second ago is known. Partners being unreachable fails the
/// request with 503 (see the service defaults' handler for unavailable dependencies), never lets it through unchecked.
/// </summary>
public sealed class PartnerDirectoryChecks(PartnerDirectory.PartnerDirectoryClient directory) : IPartnerDirectoryChecks
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyDictionary<Guid, PartnerStanding>> StandingsAsync(IReadOnlyCollection<Guid> partnerIds, CancellationToken cancellationToken)
    {
        var standings = partnerIds.Distinct().ToDictionary(id => id, _ => PartnerStanding.Unregistered);
        foreach (var snapshot in await SnapshotsAsync(partnerIds, cancellationToken))
        {
            standings[snapshot.PartnerId] = snapshot.Active ? PartnerStanding.Active : PartnerStanding.Deactivated;
        }
        return standings;
    }

    public async Task<IReadOnlyDictionary<Guid, DirectoryProfile>> ProfilesAsync(IReadOnlyCollection<Guid> partnerIds, CancellationToken cancellationToken) =>
        (await SnapshotsAsync(partnerIds, cancellationToken)).ToDictionary(s => s.PartnerId,
            s => new DirectoryProfile(s.PartnerId, s.Name, s.Active, s.Capabilities.Select(c => c.Code).ToList()));

    private async Task<IEnumerable<PartnerSnapshot>> SnapshotsAsync(IReadOnlyCollection<Guid> partnerIds, CancellationToken cancellationToken)
    {
        var reply = await directory.GetPartnersAsync(new GetPartnersRequest { PartnerIds = { partnerIds.Distinct().Select(id => id.ToString()) } },
            cancellationToken: cancellationToken);
        return reply.Partners.Select(record => JsonSerializer.Deserialize<PartnerSnapshot>(record.SnapshotJson, Json)!);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> UnknownCapabilitiesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var reply = await directory.CheckCapabilitiesAsync(new CheckCapabilitiesRequest { Codes = { codes } }, cancellationToken: cancellationToken);
        return reply.Unknown.ToDictionary(u => u.Code, IReadOnlyList<string> (u) => u.Suggestions.ToList(), StringComparer.Ordinal);
    }
}
