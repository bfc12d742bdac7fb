namespace EcosystemMarket.AppHost.Seeding;

// What the seeder reads back from the public API: only the fields it acts on, as any client would declare them.

public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? NextCursor);

public sealed record ApiCustomer(string Name);

public sealed record ApiOpportunity(Guid Id, ApiCustomer? Customer);

public sealed record ApiCandidate(Guid PartnerId, IReadOnlyList<string> CoversMustHave);

public sealed record ApiSuggestions(IReadOnlyList<ApiCandidate> Candidates);

public sealed record ApiInvitation(Guid Id, Guid InviteePartnerId);

public sealed record ApiDealRegistration(string VendorId, string CustomerName);

public sealed record ApiBlueprint(Guid Id, string Name);

public sealed record ApiClaim(Guid Id, Guid PartnerId, string Kind);
