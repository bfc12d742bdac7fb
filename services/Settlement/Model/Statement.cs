namespace EcosystemMarket.Settlement.Model;

/// <summary>
/// One currency of a statement. <see cref="Paid"/> is what payouts have settled on the account by the end of the
/// period, in all: it left the balance, so it is not part of <see cref="ClosingBalance"/>.
/// </summary>
public sealed record CurrencyStatement(
    string Currency, decimal OpeningBalance, IReadOnlyList<LedgerEntry> Entries, decimal ClosingBalance, decimal Held, decimal Payable, decimal Paid);

public sealed record Statement(Guid PartnerId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<CurrencyStatement> Currencies);

/// <summary>
/// A partner's statement for any period, on demand: per currency the balance before the period, the entries
/// booked within it, and the balance at its end, of which what is still held and what is payable at the end.
/// </summary>
public static class Statements
{
    public static Statement For(Guid partnerId, IReadOnlyList<LedgerEntry> entries, DateTimeOffset from, DateTimeOffset to)
    {
        var currencies = entries.Where(e => e.CreatedAt < to).GroupBy(e => e.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var opening = g.Where(e => e.CreatedAt < from).Sum(e => e.Amount);
            var within = g.Where(e => e.CreatedAt >= from).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToList();
            var closing = opening + within.Sum(e => e.Amount);
            var held = g.Where(e => e.PayableAt > to).Sum(e => e.Amount);
            return new CurrencyStatement(g.Key, opening, within, closing, held, closing - held, PaidIn(g));
        }).ToList();
        return new Statement(partnerId, from, to, currencies);
    }

    /// <summary>A payout debits the partner and credits the vendor's account: either way, its size is what was paid.</summary>
    public static decimal PaidIn(IEnumerable<LedgerEntry> entries) =>
        Math.Abs(entries.Where(e => e.Account == Payouts.Account).Sum(e => e.Amount));

    /// <summary>Only one currency of a statement, or the whole statement when none is named.</summary>
    public static Statement In(this Statement statement, string? currency) =>
        currency is null ? statement : statement with { Currencies = statement.Currencies.Where(c => c.Currency == currency).ToList() };
}
