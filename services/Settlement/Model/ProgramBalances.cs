namespace EcosystemMarket.Settlement.Model;

/// <summary>
/// What a vendor's program owes one partner in one currency: <see cref="Owed"/> in all (held and payable), of which
/// <see cref="Payable"/> now, past its holding period and net of clawbacks and payouts (what approving a payout pays
/// when positive), and what the program has <see cref="Paid"/> the partner so far.
/// </summary>
public sealed record PartnerBalance(Guid PartnerId, string Currency, decimal Owed, decimal Held, decimal Payable, decimal Paid);

public static class ProgramBalances
{
    /// <summary>
    /// Per partner, from the program's own entries, the mirror of the partner's: the program's account owes what the
    /// partner earned, so each amount is negated. Partners the program owes and has paid nothing are left out.
    /// </summary>
    public static IReadOnlyList<PartnerBalance> For(IReadOnlyList<LedgerEntry> programEntries, DateTimeOffset now) =>
        programEntries.GroupBy(e => (e.CounterpartyPartnerId, e.Currency))
            .Select(g =>
            {
                var owed = -g.Sum(e => e.Amount);
                var payable = -g.Where(e => e.PayableAt <= now).Sum(e => e.Amount);
                return new PartnerBalance(g.Key.CounterpartyPartnerId, g.Key.Currency, owed, owed - payable, payable, Statements.PaidIn(g));
            })
            .Where(b => b.Owed != 0 || b.Paid != 0)
            .OrderByDescending(b => b.Payable).ThenBy(b => b.Currency, StringComparer.Ordinal).ThenBy(b => b.PartnerId)
            .ToList();
}
