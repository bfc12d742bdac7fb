using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Settlement.Model;

/// <summary>Where a fee between partners stands: unpaid and not yet past its due date, unpaid past it, paid, or void because the deal was reversed.</summary>
public static class FeeStates
{
    public const string Due = "due";
    public const string Overdue = "overdue";
    public const string Paid = "paid";
    public const string Reversed = "reversed";
}

/// <summary>Why a fee cannot be settled by whoever asked.</summary>
public enum FeeSettlementRefusal
{
    /// <summary>The partner neither pays nor is paid this fee.</summary>
    NotAParty,

    /// <summary>The other party: only the payer records a payment, only the payee confirms receipt.</summary>
    OtherParty,

    /// <summary>The deal was reversed: the fee was clawed back and nothing is owed.</summary>
    Reversed,
}

/// <summary>What settling asked for did: the entries to book (none when the fee was settled before), or why it was refused.</summary>
public sealed record FeeSettlement(IReadOnlyList<LedgerEntry> Entries, FeeSettlementRefusal? Refusal);

/// <summary>
/// A referral fee, revenue share or fixed fee the owner of a won deal owes a teammate (<see cref="ReferralRewards"/>):
/// the earned and owed entries of one transaction, due at its payable date plus a grace period, and whether a
/// settlement (<see cref="PartnerFees.PaidKey"/>) or a clawback has followed it.
/// </summary>
public sealed record Fee(
    string Id, Guid EntryId, Guid OpportunityId, string Kind, Guid PayerPartnerId, Guid PayeePartnerId, decimal Amount, string Currency,
    DateTimeOffset BookedAt, DateTimeOffset PayableAt, DateTimeOffset DueAt, DateTimeOffset? PaidAt, bool ClawedBack)
{
    public string StateAt(DateTimeOffset now) =>
        PaidAt is not null ? FeeStates.Paid
        : ClawedBack ? FeeStates.Reversed
        : now > DueAt ? FeeStates.Overdue
        : FeeStates.Due;

    /// <summary>
    /// The payer records it paid (<paramref name="asPayer"/>) or the payee confirms it received the fee: one transaction
    /// that nets the payee's earned and the payer's owed balance into the paid account of each, for the exact amount
    /// booked. It keeps the fee's payable date, so a fee settled while still held leaves nothing held or payable. Its key
    /// is the same whoever settles, so a fee is settled once; settling a paid fee again books nothing. Like a payout, it
    /// belongs to no opportunity: a later reversal claws back the fee and leaves what was paid to be returned.
    /// </summary>
    public FeeSettlement Settle(Guid partnerId, bool asPayer, DateTimeOffset now)
    {
        if (partnerId != PayerPartnerId && partnerId != PayeePartnerId)
        {
            return new FeeSettlement([], FeeSettlementRefusal.NotAParty);
        }
        if (partnerId != (asPayer ? PayerPartnerId : PayeePartnerId))
        {
            return new FeeSettlement([], FeeSettlementRefusal.OtherParty);
        }
        if (PaidAt is not null)
        {
            return new FeeSettlement([], null);
        }
        if (ClawedBack)
        {
            return new FeeSettlement([], FeeSettlementRefusal.Reversed);
        }
        var key = PartnerFees.PaidKey(Id);
        var account = PartnerFees.PaidAccount(Kind);
        return new FeeSettlement(
        [
            new LedgerEntry(Guid.CreateVersion7(), key, Guid.Empty, PayeePartnerId, PayerPartnerId, account, -Amount, Currency, now, PayableAt),
            new LedgerEntry(Guid.CreateVersion7(), key, Guid.Empty, PayerPartnerId, PayeePartnerId, account, Amount, Currency, now, PayableAt),
        ], null);
    }
}

public static class PartnerFees
{
    public const string PaidSuffix = ":paid";

    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        RewardTerms.ReferralFee, RewardTerms.RevenueShare, RewardTerms.FixedFee,
    };

    public static string PaidKey(string feeId) => feeId + PaidSuffix;

    /// <summary>Where a settled fee goes on both sides: the payee's is debited (it left the ledger), the payer's credited.</summary>
    public static string PaidAccount(string kind) => kind + "-paid";

    /// <summary>The keys of the transactions that make up a fee: its booking, its settlement and its clawback.</summary>
    public static IReadOnlyList<string> KeysOf(string feeId) => [feeId, PaidKey(feeId), feeId + Clawbacks.KeySuffix];

    /// <summary>
    /// The fees between partners in these entries, from either side: a partner's own entries give the fees it owes and
    /// is owed; the entries of one fee's keys (<see cref="KeysOf"/>) give that fee. Lead-registration bonuses are owed
    /// by a vendor's program, not a partner, and are no fee here.
    /// </summary>
    public static IReadOnlyList<Fee> In(IEnumerable<LedgerEntry> entries, TimeSpan grace)
    {
        var byKey = entries.ToLookup(e => e.TransactionKey, StringComparer.Ordinal);
        var fees = new List<Fee>();
        foreach (var booking in byKey)
        {
            var entry = booking.FirstOrDefault(e => KindOf(e.Account) is not null);
            if (entry is null || KindOf(entry.Account) is not { } kind)
            {
                continue;
            }
            var owes = entry.Account == Accounts.Owed(kind);
            var paid = byKey[PaidKey(booking.Key)].FirstOrDefault();
            fees.Add(new Fee(booking.Key, entry.Id, entry.OpportunityId, kind,
                owes ? entry.PartnerId : entry.CounterpartyPartnerId, owes ? entry.CounterpartyPartnerId : entry.PartnerId,
                Math.Abs(entry.Amount), entry.Currency, entry.CreatedAt, entry.PayableAt, entry.PayableAt + grace, paid?.CreatedAt,
                byKey[booking.Key + Clawbacks.KeySuffix].Any()));
        }
        return fees.OrderBy(f => f.DueAt).ThenBy(f => f.EntryId).ToList();
    }

    /// <summary>The fee kind of a booking's earned or owed account, or null for any other account.</summary>
    private static string? KindOf(string account) =>
        Kinds.FirstOrDefault(kind => account == Accounts.Earned(kind) || account == Accounts.Owed(kind));

    /// <summary>
    /// Whether a fee is in the state a partner asked for: <c>owing</c> unpaid fees it pays, <c>owed</c> unpaid fees it
    /// is paid, <c>overdue</c> either unpaid past its due date, <c>paid</c> either settled; no state, all of them.
    /// </summary>
    public static bool Matches(Fee fee, Guid partnerId, string? state, DateTimeOffset now)
    {
        var current = fee.StateAt(now);
        var unpaid = current is FeeStates.Due or FeeStates.Overdue;
        return state switch
        {
            null => true,
            FeeFilters.Owing => unpaid && fee.PayerPartnerId == partnerId,
            FeeFilters.Owed => unpaid && fee.PayeePartnerId == partnerId,
            _ => current == state,
        };
    }
}

public static class FeeFilters
{
    public const string Owing = "owing";
    public const string Owed = "owed";

    public static readonly IReadOnlyList<string> All = [Owed, Owing, FeeStates.Overdue, FeeStates.Paid];
}
