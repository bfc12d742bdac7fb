namespace EcosystemMarket.Settlement.Model;

public sealed record Payout(Guid PayoutId, string VendorId, Guid PartnerId, decimal Amount, string Currency, IReadOnlyList<LedgerEntry> Entries);

/// <summary>
/// A vendor pays a partner what its program owes and is payable now (past the holding period), net of
/// clawbacks and earlier payouts; nothing when that is zero or negative (a negative balance carries forward).
/// </summary>
public static class Payouts
{
    public const string Account = "payout";

    public static Payout? Approve(string vendorId, Guid partnerId, string currency, IReadOnlyList<LedgerEntry> partnerEntries, DateTimeOffset now)
    {
        var vendor = VendorAccounts.For(vendorId);
        var payable = partnerEntries
            .Where(e => e.CounterpartyPartnerId == vendor && e.Currency == currency && e.PayableAt <= now)
            .Sum(e => e.Amount);
        if (payable <= 0)
        {
            return null;
        }
        var payoutId = Guid.CreateVersion7();
        var key = $"payout:{payoutId:N}";
        return new Payout(payoutId, vendorId, partnerId, payable, currency,
        [
            new LedgerEntry(Guid.CreateVersion7(), key, Guid.Empty, partnerId, vendor, Account, -payable, currency, now, now),
            new LedgerEntry(Guid.CreateVersion7(), key, Guid.Empty, vendor, partnerId, Account, payable, currency, now, now),
        ]);
    }
}
