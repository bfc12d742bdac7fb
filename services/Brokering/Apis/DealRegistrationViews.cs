using EcosystemMarket.Brokering.Model;

namespace EcosystemMarket.Brokering.Apis;

/// <summary>
/// A registration as its registrant sees it: whether it is protected or in conflict and under the vendor's review, never
/// which other registration or partner it collided with (that would tell one partner about another's deal). Poaching is
/// about the registrant's own conduct (it registered a customer it learned of through an invitation), so it is shown.
/// </summary>
public sealed record RegistrantDealRegistration(
    Guid Id, long Sequence, string VendorId, Guid? OpportunityId, string CustomerName, IReadOnlyList<string> Scope, DateTimeOffset RegisteredAt,
    DateTimeOffset ProtectedUntil, bool Protected, bool InConflict, bool Poaching, bool UnderVendorReview, string? Decision, string Hash)
{
    public static RegistrantDealRegistration Of(DealRegistration r, VendorDecision? decision) => new(
        r.Id, r.Sequence, r.VendorId, r.OpportunityId, r.CustomerName, r.Scope, r.RegisteredAt, r.ProtectedUntil,
        r.Protected && decision is not { Approved: false }, !r.Protected, r.Poaching, !r.Protected && decision is null, decision?.Name, r.Hash);
}

/// <summary>A registration as the vendor of its program sees it: in full, the conflict and the decision included.</summary>
public sealed record VendorDealRegistration(
    Guid Id, long Sequence, string VendorId, Guid RegistrantPartnerId, Guid? OpportunityId, string CustomerName, string CustomerKey,
    IReadOnlyList<string> Scope, DateTimeOffset RegisteredAt, DateTimeOffset ProtectedUntil, bool Protected, Guid? ConflictsWithId, bool Poaching,
    string PreviousHash, string Hash, string? Decision, string? DecisionReason, DateTimeOffset? DecidedAt)
{
    public static VendorDealRegistration Of(DealRegistration r, VendorDecision? decision) => new(
        r.Id, r.Sequence, r.VendorId, r.RegistrantPartnerId, r.OpportunityId, r.CustomerName, r.CustomerKey, r.Scope, r.RegisteredAt, r.ProtectedUntil,
        r.Protected, r.ConflictsWithId, r.Poaching, r.PreviousHash, r.Hash, decision?.Name, decision?.Reason, decision?.DecidedAt);
}
