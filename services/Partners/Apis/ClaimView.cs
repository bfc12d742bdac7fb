using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Partners.Model;

namespace EcosystemMarket.Partners.Apis;

/// <summary>A claim as the partner, its vendor and administrators read it: what is claimed, and the vendor's latest decision.</summary>
public sealed record ClaimView(
    Guid Id,
    Guid PartnerId,
    string PartnerName,
    string Kind,
    string Vendor,
    string? Tier,
    CertificationSnapshot? Certification,
    string State,
    DateTimeOffset ClaimedAt,
    DateTimeOffset? DecidedAt,
    string? Reason)
{
    public static ClaimView Of(Partner partner, PartnerClaim claim) => Of(partner.Id, partner.Name, claim);

    public static ClaimView Of(Guid partnerId, string partnerName, PartnerClaim claim) => new(claim.Id, partnerId, partnerName, claim.Kind, claim.Vendor, claim.Tier,
        claim.Certification, claim.State, claim.ClaimedAt, claim.Decision?.DecidedAt, claim.Decision?.Reason);
}

public sealed record ClaimHistoryView(Guid ClaimId, Guid PartnerId, string Kind, string Vendor, ClaimView? Current, IReadOnlyList<ClaimDecisionView> Decisions);

public sealed record ClaimDecisionView(string Outcome, string? Reason, string DecidedBy, DateTimeOffset DecidedAt, long PartnerVersion)
{
    public static ClaimDecisionView Of(ClaimHistoryEntry entry) => new(entry.Outcome, entry.Reason, entry.DecidedBy, entry.DecidedAt, entry.PartnerVersion);
}
