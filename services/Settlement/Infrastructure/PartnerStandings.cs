using System.Text.Json;
using EcosystemMarket.Contracts.Partners;
using EcosystemMarket.Contracts.V1;
using Grpc.Core;

namespace EcosystemMarket.Settlement.Infrastructure;

/// <summary>Where a partner stands in a vendor's program, as the vendor attested it: a member or not, and its tier there.</summary>
public sealed record PartnerStanding(bool AttestedMember, string Tier)
{
    public const string BaseTier = "registered";

    /// <summary>A partner the vendor has not attested: not a member, at the base tier, whatever it claims.</summary>
    public static readonly PartnerStanding Unattested = new(false, BaseTier);

    public static PartnerStanding In(PartnerSnapshot partner, string vendorId) => new(
        partner.AttestedMemberships.Contains(vendorId),
        partner.AttestedTiers.GetValueOrDefault(vendorId, BaseTier));
}

/// <summary>A partner's attested standing in a program, which scales the program's bonuses and opens the program to its members.</summary>
public interface IPartnerStandings
{
    Task<PartnerStanding> StandingInAsync(Guid partnerId, string vendorId, CancellationToken cancellationToken);
}

/// <summary>Asks Partners' directory over gRPC; a partner it does not know stands nowhere.</summary>
public sealed class PartnerDirectoryStandings(PartnerDirectory.PartnerDirectoryClient directory) : IPartnerStandings
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PartnerStanding> StandingInAsync(Guid partnerId, string vendorId, CancellationToken cancellationToken)
    {
        try
        {
            var record = await directory.GetPartnerAsync(new GetPartnerRequest { PartnerId = partnerId.ToString() }, cancellationToken: cancellationToken);
            return JsonSerializer.Deserialize<PartnerSnapshot>(record.SnapshotJson, Json) is { } partner
                ? PartnerStanding.In(partner, vendorId)
                : PartnerStanding.Unattested;
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return PartnerStanding.Unattested;
        }
    }
}
