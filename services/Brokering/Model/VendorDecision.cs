using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Brokering.Model;

/// <summary>
/// A vendor's decision on a registration of its program, kept beside the hash-chained record (which never changes):
/// approved, or rejected with a reason. A rejected registration protects nothing and earns no lead-registration bonus.
/// A registration is decided once.
/// </summary>
public sealed record VendorDecision(Guid RegistrationId, string VendorId, bool Approved, string? Reason, DateTimeOffset DecidedAt)
{
    public const string ApprovedName = "approved";
    public const string RejectedName = "rejected";

    public string Name => Approved ? ApprovedName : RejectedName;

    /// <summary>The vendor's decision and the event announcing it, or why it may not be made.</summary>
    public static (VendorDecision? Decision, object? Announcement, RuleViolation? Violation) Decide(
        DealRegistration registration, VendorDecision? earlier, bool approve, string? reason, DateTimeOffset now)
    {
        if (earlier is not null)
        {
            return (null, null, new("The registration was already decided.", $"It was {earlier.Name} at {earlier.DecidedAt:O}; a decision is final."));
        }
        var decision = new VendorDecision(registration.Id, registration.VendorId, approve, approve ? null : reason, now);
        object announcement = approve
            ? new DealRegistrationApproved
            {
                RegistrationId = registration.Id, VendorId = registration.VendorId, RegistrantPartnerId = registration.RegistrantPartnerId, OccurredAt = now,
            }
            : new DealRegistrationRejected
            {
                RegistrationId = registration.Id, VendorId = registration.VendorId, RegistrantPartnerId = registration.RegistrantPartnerId,
                Reason = reason!, OccurredAt = now,
            };
        return (decision, announcement, null);
    }
}
