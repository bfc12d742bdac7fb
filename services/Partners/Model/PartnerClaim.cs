using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Partners.Model;

public static class ClaimKinds
{
    public const string Membership = "membership";
    public const string Tier = "tier";
    public const string Certification = "certification";
}

public static class ClaimStates
{
    public const string Pending = "pending";
    public const string Attested = "attested";
    public const string Rejected = "rejected";

    public static readonly IReadOnlyList<string> All = [Pending, Attested, Rejected];
}

/// <summary>
/// Something a partner says about itself that only <see cref="Vendor"/> can confirm: its membership in the vendor's
/// program, its tier there, or a certification the vendor issued. The id is derived from the partner and the claim's
/// content, so an unchanged claim keeps its id (and its attestation) across revisions, and a changed one is a new claim.
/// </summary>
public sealed record PartnerClaim
{
    public required Guid Id { get; init; }
    public required string Kind { get; init; }
    public required string Vendor { get; init; }
    /// <summary>The tier claimed, for a tier claim.</summary>
    public string? Tier { get; init; }
    /// <summary>The certification claimed, for a certification claim.</summary>
    public CertificationSnapshot? Certification { get; init; }
    public required string State { get; init; }
    public required DateTimeOffset ClaimedAt { get; init; }
    /// <summary>The latest decision of the vendor; its full history is kept apart, append-only.</summary>
    public ClaimDecision? Decision { get; init; }

    public bool IsAttested => State == ClaimStates.Attested;

    public static PartnerClaim Membership(Guid partnerId, string vendor, DateTimeOffset now) =>
        Pending(partnerId, ClaimKinds.Membership, vendor, $"{vendor}", now);

    public static PartnerClaim TierIn(Guid partnerId, string vendor, string tier, DateTimeOffset now) =>
        Pending(partnerId, ClaimKinds.Tier, vendor, $"{vendor}|{tier}", now) with { Tier = tier };

    public static PartnerClaim For(Guid partnerId, CertificationSnapshot certification, DateTimeOffset now) =>
        Pending(partnerId, ClaimKinds.Certification, certification.Vendor, ContentOf(certification), now) with { Certification = certification with { Attested = false } };

    public static Guid MembershipClaimId(Guid partnerId, string vendor) => IdOf(partnerId, ClaimKinds.Membership, vendor);

    public static Guid TierClaimId(Guid partnerId, string vendor, string tier) => IdOf(partnerId, ClaimKinds.Tier, $"{vendor}|{tier}");

    public static Guid CertificationClaimId(Guid partnerId, CertificationSnapshot certification) =>
        IdOf(partnerId, ClaimKinds.Certification, ContentOf(certification));

    private static PartnerClaim Pending(Guid partnerId, string kind, string vendor, string content, DateTimeOffset now) => new()
    {
        Id = IdOf(partnerId, kind, content),
        Kind = kind,
        Vendor = vendor,
        State = ClaimStates.Pending,
        ClaimedAt = now,
    };

    private static string ContentOf(CertificationSnapshot c) => string.Join('|', c.Vendor, c.Name, c.Level,
        c.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.ExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        string.Join(',', c.Capabilities));

    // A name-based UUID (RFC 9562 version 8) of the partner and the content: the same claim always gets the same id.
    private static Guid IdOf(Guid partnerId, string kind, string content)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{partnerId:N}\n{kind}\n{content}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}

/// <summary>A vendor's answer to a claim: attested, or rejected with the reason.</summary>
public sealed record ClaimDecision(string Outcome, string DecidedBy, string? Reason, DateTimeOffset DecidedAt);

/// <summary>One line of a claim's append-only history of decisions.</summary>
public sealed record ClaimHistoryEntry(Guid PartnerId, Guid ClaimId, string Kind, string Vendor, string Outcome, string? Reason, string DecidedBy,
    DateTimeOffset DecidedAt, long PartnerVersion);
