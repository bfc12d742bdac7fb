using System.Runtime.CompilerServices;
using System.Text.Json;
using EcosystemMarket.Contracts.Partners;
using EcosystemMarket.Contracts.V1;
using Grpc.Core;

namespace EcosystemMarket.Matching.Infrastructure;

/// <summary>Streams the whole directory from Partners over gRPC (PartnerDirectory.StreamPartners).</summary>
public sealed class PartnerDirectorySource(PartnerDirectory.PartnerDirectoryClient directory) : IPartnerSource
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async IAsyncEnumerable<PartnerSnapshot> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var call = directory.StreamPartners(new StreamPartnersRequest(), cancellationToken: cancellationToken);
        await foreach (var record in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            yield return JsonSerializer.Deserialize<PartnerSnapshot>(record.SnapshotJson, Json)
                ?? throw new InvalidDataException($"Partner {record.PartnerId} came without a snapshot.");
        }
    }
}
