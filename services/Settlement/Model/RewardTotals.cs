using EcosystemMarket.Contracts.Ecosystem;

namespace EcosystemMarket.Settlement.Model;

/// <summary>
/// Rewards per currency from the earners' side of the ledger, as the rewards gauge counts them but in exact decimals:
/// accrued is what was earned; clawed back and paid are the (negative) clawback and payout entries on the earner's
/// side; held is what is not past its holding period yet, payable what is, net of clawbacks and payouts (as
/// <see cref="PayoutAccount.Approve"/> sums it).
/// Over a period, accrued, paid and clawed back are what was booked within it, and held and payable stand as they
/// stood at its end (<paramref name="asOf"/>), their holding periods measured then; <paramref name="entries"/> are
/// those booked until its end.
/// </summary>
public static class RewardTotals
{
    /// <param name="asOf">The moment the balances stand at: now, or the end of a period that has ended.</param>
    /// <param name="since">The start of the period whose flows (accrued, paid, clawed back) count; none for all time.</param>
    public static IReadOnlyList<CurrencyRewards> Of(IEnumerable<LedgerEntry> entries, DateTimeOffset asOf, DateTimeOffset? since = null)
    {
        bool Within(LedgerEntry entry) => since is not { } start || entry.CreatedAt >= start;
        return entries.Where(IsEarnersSide)
            .GroupBy(e => e.Currency)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CurrencyRewards(
                g.Key,
                Accrued: g.Where(e => IsEarned(e) && Within(e)).Sum(e => e.Amount),
                Held: g.Where(e => e.PayableAt > asOf).Sum(e => e.Amount),
                Payable: g.Where(e => e.PayableAt <= asOf).Sum(e => e.Amount),
                Paid: -g.Where(e => e.Account == Payouts.Account && Within(e)).Sum(e => e.Amount),
                ClawedBack: -g.Where(e => e.Account == Accounts.Clawback && Within(e)).Sum(e => e.Amount)))
            .ToList();
    }

    // A clawback or payout is negative on the earner's side and positive on the side that owed the reward.
    private static bool IsEarnersSide(LedgerEntry entry) =>
        IsEarned(entry) || (entry.Account is Accounts.Clawback or Payouts.Account && entry.Amount < 0);

    private static bool IsEarned(LedgerEntry entry) => Accounts.IsEarned(entry.Account);
}
