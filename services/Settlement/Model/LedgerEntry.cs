namespace EcosystemMarket.Settlement.Model;

/// <summary>
/// One side of a double-entry ledger transaction. The entries of a transaction share its key and sum
/// to zero per currency: what one partner earns, another owes.
/// </summary>
public sealed record LedgerEntry(
    Guid Id,
    string TransactionKey,
    Guid OpportunityId,
    Guid PartnerId,
    Guid CounterpartyPartnerId,
    string Account,
    decimal Amount,
    string Currency,
    DateTimeOffset CreatedAt);

public static class Accounts
{
    /// <summary>A referral reward the partner has earned.</summary>
    public const string ReferralEarned = "referral-earned";

    /// <summary>A referral reward the partner owes to a team member.</summary>
    public const string ReferralOwed = "referral-owed";
}
