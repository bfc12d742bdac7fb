namespace EcosystemMarket.Settlement.Model;

/// <summary>
/// A reversed deal takes back every reward booked for it: each transaction gets a mirror transaction that
/// negates it, payable at once, so it nets against whatever the partner has not been paid yet; what it
/// cannot net leaves a negative balance that carries forward into the next statements.
/// </summary>
public static class Clawbacks
{
    public const string KeySuffix = ":clawback";

    public static IReadOnlyList<LedgerEntry> For(IReadOnlyList<LedgerEntry> bookedForOpportunity, DateTimeOffset now)
    {
        var clawedBack = bookedForOpportunity.Where(e => e.TransactionKey.EndsWith(KeySuffix, StringComparison.Ordinal))
            .Select(e => e.TransactionKey[..^KeySuffix.Length]).ToHashSet(StringComparer.Ordinal);
        return bookedForOpportunity
            .Where(e => !e.TransactionKey.EndsWith(KeySuffix, StringComparison.Ordinal) && !clawedBack.Contains(e.TransactionKey))
            .Select(e => e with
            {
                Id = Guid.CreateVersion7(),
                TransactionKey = e.TransactionKey + KeySuffix,
                Account = Accounts.Clawback,
                Amount = -e.Amount,
                CreatedAt = now,
                PayableAt = now,
            })
            .ToList();
    }
}
