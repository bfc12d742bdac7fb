using System.Text.Json;
using EcosystemMarket.Contracts.Partners;
using EcosystemMarket.Contracts.V1;
using Grpc.Core;

namespace EcosystemMarket.Settlement.Infrastructure;

/// <summary>A partner's current tier, which scales a program's bonuses.</summary>
public interface IPartnerTiers
{
    Task<string> TierOfAsync(Guid partnerId, CancellationToken cancellationToken);
}

/// <summary>Asks Partners' directory over gRPC; a partner it does not know counts at the base tier.</summary>
public sealed class PartnerDirectoryTiers(PartnerDirectory.PartnerDirectoryClient directory) : IPartnerTiers
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<string> TierOfAsync(Guid partnerId, CancellationToken cancellationToken)
    {
        try
        {
            var record = await directory.GetPartnerAsync(new GetPartnerRequest { PartnerId = partnerId.ToString() }, cancellationToken: cancellationToken);
            return JsonSerializer.Deserialize<PartnerSnapshot>(record.SnapshotJson, Json)?.Tier ?? "registered";
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return "registered";
        }
    }
}
