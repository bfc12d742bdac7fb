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
    DateTimeOffset CreatedAt,
    DateTimeOffset PayableAt);

public static class Accounts
{
    /// <summary>A reward taken back because the deal it was earned on was reversed.</summary>
    public const string Clawback = "clawback";

    /// <summary>A reward of this kind (referral-fee, revenue-share, fixed-fee) the partner has earned.</summary>
    public static string Earned(string rewardKind) => rewardKind + EarnedSuffix;

    public static bool IsEarned(string account) => account.EndsWith(EarnedSuffix, StringComparison.Ordinal);

    private const string EarnedSuffix = "-earned";

    /// <summary>A reward of this kind the partner owes to a team member.</summary>
    public static string Owed(string rewardKind) => $"{rewardKind}-owed";
}
