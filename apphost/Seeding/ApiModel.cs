namespace EcosystemMarket.AppHost.Seeding;

// What the seeder reads back from the public API: only the fields it acts on, as any client would declare them.

public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? NextCursor);

public sealed record ApiCustomer(string Name);

public sealed record ApiOpportunity(Guid Id, ApiCustomer? Customer, string Status);

public sealed record ApiCandidate(Guid PartnerId, IReadOnlyList<string> CoversMustHave);

public sealed record ApiSuggestions(IReadOnlyList<ApiCandidate> Candidates);

public sealed record ApiInvitation(Guid Id, Guid InviteePartnerId, string Status);

public sealed record ApiDealRegistration(Guid Id, string VendorId, string CustomerName, bool Protected);

public sealed record ApiBalance(string Currency, decimal Amount, decimal Held, decimal Payable);

public sealed record ApiLedger(IReadOnlyList<ApiBalance> Balances);
