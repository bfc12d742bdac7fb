namespace EcosystemMarket.Portal.Program;

// What the program pages read from and send to the gateway: Partners' claims (ClaimsApi, ClaimView) and Brokering's
// deal registrations as their vendor sees them (VendorDealRegistration), in the portal's own small records.

public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? NextCursor);

public sealed record CertificationClaimed(string Vendor, string Name, string Level, DateOnly IssuedOn, DateOnly? ExpiresOn, IReadOnlyList<string>? Capabilities);

public sealed record ProgramClaim(
    Guid Id, Guid PartnerId, string PartnerName, string Kind, string Vendor, string? Tier, CertificationClaimed? Certification,
    string State, DateTimeOffset ClaimedAt, DateTimeOffset? DecidedAt, string? Reason)
{
    /// <summary>What the partner says, in words.</summary>
    public string Says => Kind switch
    {
        ClaimKind.Membership => $"is a member of the {Vendor} program",
        ClaimKind.Tier => $"is at tier {Tier} in the {Vendor} program",
        ClaimKind.Certification when Certification is { } c =>
            $"holds {c.Name} ({c.Level}), issued {c.IssuedOn:yyyy-MM-dd}{(c.ExpiresOn is { } until ? $", valid until {until:yyyy-MM-dd}" : "")}",
        _ => Kind,
    };
}

public static class ClaimKind
{
    public const string Membership = "membership";
    public const string Tier = "tier";
    public const string Certification = "certification";
}

public sealed record ClaimDecisionEntry(string Outcome, string? Reason, string DecidedBy, DateTimeOffset DecidedAt, long PartnerVersion);

public sealed record ClaimHistory(Guid ClaimId, Guid PartnerId, string Kind, string Vendor, ProgramClaim? Current, IReadOnlyList<ClaimDecisionEntry> Decisions);

public sealed record ProgramRegistration(
    Guid Id, long Sequence, string VendorId, Guid RegistrantPartnerId, Guid? OpportunityId, string CustomerName, string CustomerKey,
    IReadOnlyList<string> Scope, DateTimeOffset RegisteredAt, DateTimeOffset ProtectedUntil, bool Protected, Guid? ConflictsWithId, bool Poaching,
    string? Decision, string? DecisionReason, DateTimeOffset? DecidedAt)
{
    /// <summary>Not protected: it came second for the customer, or the registrant learned of the customer through an invitation.</summary>
    public bool InConflict => !Protected || ConflictsWithId is not null || Poaching;

    public bool Decided => Decision is not null;
}

public sealed record PartnerName(Guid Id, string Name);

public sealed record ReasonRequest(string Reason);
