using System.Text.Json;
using Grpc.Core;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Contracts.Partners;
using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Brokering.Infrastructure;

/// <summary>What Brokering asks the partner directory before a change: who takes part, and which capability codes exist.</summary>
public interface IPartnerDirectoryChecks
{
    /// <summary>The codes the taxonomy does not know, each with the closest codes it does.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> UnknownCapabilitiesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken);

    /// <summary>A vendor's published blueprint; null when none has this id.</summary>
    Task<BlueprintNeeds?> BlueprintAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Names, standing, advertised capabilities and category of the partners the directory knows among these; one that is
    /// missing is not registered.
    /// </summary>
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

    public async Task<IReadOnlyDictionary<Guid, DirectoryProfile>> ProfilesAsync(IReadOnlyCollection<Guid> partnerIds, CancellationToken cancellationToken) =>
        (await SnapshotsAsync(partnerIds, cancellationToken)).ToDictionary(s => s.PartnerId,
            s => new DirectoryProfile(s.PartnerId, s.Name, s.Active, s.Capabilities.Select(c => c.Code).ToList(), s.Category));

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

    public async Task<BlueprintNeeds?> BlueprintAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var record = await directory.GetBlueprintAsync(new GetBlueprintRequest { BlueprintId = id.ToString() }, cancellationToken: cancellationToken);
            return new BlueprintNeeds(id, record.VendorId, record.Name, [.. record.Capabilities]);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
