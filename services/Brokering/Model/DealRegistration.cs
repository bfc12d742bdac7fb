using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Brokering.Model;

/// <summary>A link of the vendor's tamper-evident registration chain: who registered which customer, when, and whether it is protected.</summary>
public sealed record DealRegistration
{
    public required Guid Id { get; init; }
    public required long Sequence { get; init; }
    public required string VendorId { get; init; }
    public required Guid RegistrantPartnerId { get; init; }
    public required Guid? OpportunityId { get; init; }
    public required string CustomerName { get; init; }
    public required string CustomerKey { get; init; }
    public required IReadOnlyList<string> Scope { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
    public required DateTimeOffset ProtectedUntil { get; init; }
    public required bool Protected { get; init; }
    public required Guid? ConflictsWithId { get; init; }
    public required bool Poaching { get; init; }
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }

    /// <summary>
    /// The registration's content in one canonical line: what the hash covers, so neither its time nor its
    /// content can change without breaking the chain from that record on.
    /// </summary>
    public string CanonicalContent() => string.Join('|',
        Id.ToString("N"), Sequence.ToString(CultureInfo.InvariantCulture), VendorId, RegistrantPartnerId.ToString("N"),
        OpportunityId?.ToString("N") ?? "", CustomerKey, string.Join(',', Scope.Order(StringComparer.Ordinal)),
        RegisteredAt.UtcTicks.ToString(CultureInfo.InvariantCulture), ProtectedUntil.UtcTicks.ToString(CultureInfo.InvariantCulture),
        Protected ? "protected" : "conflict", ConflictsWithId?.ToString("N") ?? "", Poaching ? "poaching" : "");

    public static string HashOf(string previousHash, string canonicalContent) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + canonicalContent)));

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// The next link of the chain: first come, first protected. The registration is protected unless an earlier one of
    /// the same customer (<paramref name="sameCustomer"/>) still protects another partner over an overlapping scope, or
    /// the registrant learned of the customer through someone else's invitation (<paramref name="invitedCustomers"/>:
    /// poaching). Its hash covers its content and the previous link's hash (<paramref name="last"/>), so a registration
    /// decided from a stale read cannot be appended: the chain's sequence is unique, and the caller retries.
    /// </summary>
    public static DealRegistrationDecision Register(DealRegistrationRequest request, DealRegistration? last, IEnumerable<DealRegistration> sameCustomer,
        IEnumerable<InvitedCustomer> invitedCustomers, DateTimeOffset now, TimeSpan protectionPeriod)
    {
        var customerKey = DealRegistrationRules.NormaliseCustomer(request.CustomerName);
        var scope = request.Scope.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var conflict = DealRegistrationRules.ProtectedConflict(request.VendorId, request.RegistrantPartnerId, customerKey, scope, sameCustomer, now);
        var poachedFrom = invitedCustomers
            .Where(invited => DealRegistrationRules.NormaliseCustomer(invited.CustomerName) == customerKey)
            .Select(invited => invited.OwnerPartnerId).Distinct().Order().ToList();
        var previousHash = last?.Hash ?? GenesisHash;
        var registration = new DealRegistration
        {
            Id = Guid.CreateVersion7(), Sequence = (last?.Sequence ?? 0) + 1, VendorId = request.VendorId, RegistrantPartnerId = request.RegistrantPartnerId,
            OpportunityId = request.OpportunityId, CustomerName = request.CustomerName.Trim(), CustomerKey = customerKey, Scope = scope,
            RegisteredAt = now, ProtectedUntil = now + protectionPeriod, Protected = conflict is null && poachedFrom.Count == 0,
            ConflictsWithId = conflict?.Id, Poaching = poachedFrom.Count > 0, PreviousHash = previousHash, Hash = "",
        };
        registration = registration with { Hash = HashOf(previousHash, registration.CanonicalContent()) };

        IReadOnlyList<string> kinds = [.. conflict is null ? [] : new[] { DealConflictDetected.Overlap }, .. poachedFrom.Count > 0 ? new[] { DealConflictDetected.Poaching } : []];
        object announcement = registration.Protected
            ? new DealRegistered
            {
                RegistrationId = registration.Id, VendorId = registration.VendorId, RegistrantPartnerId = registration.RegistrantPartnerId,
                OpportunityId = registration.OpportunityId, ProtectedUntil = registration.ProtectedUntil, Hash = registration.Hash, OccurredAt = now,
            }
            : new DealConflictDetected
            {
                RegistrationId = registration.Id, VendorId = registration.VendorId, RegistrantPartnerId = registration.RegistrantPartnerId,
                ConflictsWithRegistrationId = conflict?.Id, ProtectedPartnerId = conflict?.RegistrantPartnerId,
                PoachedFromPartnerIds = poachedFrom, Kinds = kinds, OccurredAt = now,
            };
        return new DealRegistrationDecision(registration, announcement, kinds);
    }
}

/// <summary>What a partner asks to register with a vendor, as validated at the edge.</summary>
public sealed record DealRegistrationRequest(string VendorId, Guid RegistrantPartnerId, Guid? OpportunityId, string CustomerName, IReadOnlyList<string> Scope);

/// <summary>The registration to append, the event announcing it, and the kinds of conflict it raised (none when protected).</summary>
public sealed record DealRegistrationDecision(DealRegistration Registration, object Announcement, IReadOnlyList<string> ConflictKinds);

/// <summary>A customer of someone else's opportunity a partner was invited to, with whose it is.</summary>
public sealed record InvitedCustomer(string CustomerName, Guid OwnerPartnerId);
