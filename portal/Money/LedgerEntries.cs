using System.Globalization;

namespace EcosystemMarket.Portal.Money;

/// <summary>What a ledger entry is, in words, from the account Settlement booked it on.</summary>
public static class LedgerEntries
{
    private const string Earned = "-earned";
    private const string Owed = "-owed";
    private const string Paid = "-paid";

    public static string Describe(string account) => account switch
    {
        "payout" => "Payout",
        "clawback" => "Clawback: the deal was reversed",
        _ when account.EndsWith(Earned, StringComparison.Ordinal) => $"{Kind(account[..^Earned.Length])} earned",
        _ when account.EndsWith(Owed, StringComparison.Ordinal) => $"{Kind(account[..^Owed.Length])} owed to a team member",
        _ when account.EndsWith(Paid, StringComparison.Ordinal) => $"{Kind(account[..^Paid.Length])} paid between partners",
        _ => Kind(account),
    };

    /// <summary>Whom the entry is with: a vendor's program pays bonuses, partners pay each other the rest.</summary>
    public static bool IsWithAProgram(string account) =>
        account.StartsWith("lead-registration-bonus", StringComparison.Ordinal) || account == "payout";

    /// <summary>An entry that settles others (a payout, a clawback, a fee paid between partners): it is never held or payable itself.</summary>
    public static bool IsSettlement(string account) => account is "payout" or "clawback" || account.EndsWith(Paid, StringComparison.Ordinal);

    public static IEnumerable<LedgerEntry> NewestFirst(IEnumerable<LedgerEntry> entries) =>
        entries.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A time in a column whose heading says UTC.</summary>
    public static string ShortTime(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Kind(string kind) => kind switch
    {
        "referral-fee" => "Referral fee",
        "revenue-share" => "Revenue share",
        "fixed-fee" => "Fixed fee",
        "lead-registration-bonus" => "Lead-registration bonus",
        _ => kind.Length == 0 ? kind : char.ToUpperInvariant(kind[0]) + kind[1..].Replace('-', ' '),
    };
}
