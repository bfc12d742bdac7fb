namespace EcosystemMarket.Portal.Deals;

// What the portal reads from and sends to Brokering and Matching (through the gateway) for opportunities,
// suggestions, invitations and deal registrations: only the fields the pages use.

public sealed record CustomerJson(string Name, string? Contact);

public sealed record NeedJson(string Capability, bool MustHave);

public sealed record OpportunityJson(
    Guid Id, Guid OwnerPartnerId, string? VendorId, CustomerJson? Customer, bool CustomerVisible, string Industry, string Region, string Size,
    IReadOnlyList<NeedJson> Needs, decimal EstimatedValue, string Currency, DateOnly? CloseDate, string Status, decimal? FinalValue,
    DateTimeOffset CreatedAt, Guid? BlueprintId = null)
{
    /// <summary>The status in lower case, as the pages compare it (the services write enum names: <c>Teaming</c>).</summary>
    public string State => Status.ToLowerInvariant();
}

public sealed record PostOpportunityJson(
    CustomerJson Customer, string Industry, string Region, string Size, IReadOnlyList<NeedJson> Needs, decimal? EstimatedValue, string Currency,
    DateOnly? CloseDate, string? VendorId, Guid? BlueprintId = null);

public sealed record ScoreComponentJson(string Name, double Points, string Explanation);

public sealed record CandidateJson(
    string PartnerId, string Name, double Score, IReadOnlyList<string> CoversMustHave, IReadOnlyList<string> CoversNiceToHave,
    IReadOnlyList<string> Reasons, IReadOnlyList<ScoreComponentJson> Breakdown);

public sealed record SuggestionsJson(IReadOnlyList<CandidateJson> Candidates, IReadOnlyList<string> OwnerLacks);

public sealed record RewardJson(string Kind, decimal? Percent, decimal? Amount);

public sealed record InvitationJson(
    Guid Id, Guid OpportunityId, Guid OwnerPartnerId, Guid InviteePartnerId, string Role, RewardJson Reward, DateTimeOffset AcceptBy,
    string Status, string? DeclineReason, DateTimeOffset CreatedAt, DateTimeOffset? RespondedAt)
{
    public string State => Status.ToLowerInvariant();
}

public sealed record InviteJson(Guid PartnerId, string Role, RewardJson Reward, DateTimeOffset? AcceptBy);

public sealed record DeclineJson(string Reason);

public sealed record WinJson(decimal? FinalValue);

public sealed record RegisterDealJson(string VendorId, string CustomerName, IReadOnlyList<string> Scope, Guid OpportunityId);

public sealed record DealRegistrationJson(
    Guid Id, string VendorId, Guid? OpportunityId, string CustomerName, IReadOnlyList<string> Scope, DateTimeOffset RegisteredAt,
    DateTimeOffset ProtectedUntil, bool Protected, bool InConflict, bool Poaching, bool UnderVendorReview, string? Decision);

public sealed record TeamMemberJson(Guid PartnerId, string Role, DateTimeOffset JoinedAt);

public sealed record TeamJson(Guid OwnerPartnerId, IReadOnlyList<TeamMemberJson> Members);

public sealed record PartnerJson(Guid Id, string Name, IReadOnlyList<string>? ProgramMemberships);

public sealed record PageJson<T>(IReadOnlyList<T> Items, string? NextCursor);
