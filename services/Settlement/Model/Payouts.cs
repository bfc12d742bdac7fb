using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Settlement.Model;

public sealed record Payout(Guid PayoutId, string VendorId, Guid PartnerId, decimal Amount, string Currency, IReadOnlyList<LedgerEntry> Entries)
{
    public PayoutApproved Announcement(DateTimeOffset now) => new()
    {
        PayoutId = PayoutId, VendorId = VendorId, PartnerId = PartnerId, Amount = Amount, Currency = Currency, OccurredAt = now,
    };
}

/// <summary>What an approval did: the account as it is to be saved, and the payout it books.</summary>
public sealed record PayoutApproval(PayoutAccount Account, Payout Payout);

public static class Payouts
{
    public const string Account = "payout";
}

/// <summary>
/// What a vendor's program has paid one partner in one currency; its version counts the payouts. A vendor pays
/// a partner what the program owes it and is payable now (past the holding period), net of clawbacks and
/// earlier payouts; nothing when that is zero or negative (a negative balance carries forward). An approval is
/// saved only if the account's version is still the one it read, so two approvals at the same moment never
/// both pay: on SQL Server at READ COMMITTED both would otherwise sum the same balance.
/// </summary>
public sealed record PayoutAccount(string VendorId, Guid PartnerId, string Currency, long Version)
{
    /// <summary>The payout that settles what is payable now, and the account one payout on; null when nothing is payable.</summary>
    public PayoutApproval? Approve(IReadOnlyList<LedgerEntry> partnerEntries, DateTimeOffset now)
    {
        var vendor = VendorAccounts.For(VendorId);
        var payable = partnerEntries
            .Where(e => e.CounterpartyPartnerId == vendor && e.Currency == Currency && e.PayableAt <= now)
            .Sum(e => e.Amount);
        if (payable <= 0)
        {
            return null;
        }
        var paid = this with { Version = Version + 1 };
        var payoutId = Guid.CreateVersion7();
        var key = $"payout:{payoutId:N}";
        return new PayoutApproval(paid, new Payout(payoutId, VendorId, PartnerId, payable, Currency,
        [
            new LedgerEntry(Guid.CreateVersion7(), key, Guid.Empty, PartnerId, vendor, Payouts.Account, -payable, Currency, now, now),
            new LedgerEntry(Guid.CreateVersion7(), key, Guid.Empty, vendor, PartnerId, Payouts.Account, payable, Currency, now, now),
        ]));
    }
}
