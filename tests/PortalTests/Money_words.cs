using EcosystemMarket.Portal.Money;

namespace EcosystemMarket.PortalTests;

public class Money_words
{
    [Theory]
    [InlineData("referral-fee-earned", "Referral fee earned")]
    [InlineData("revenue-share-owed", "Revenue share owed to a team member")]
    [InlineData("lead-registration-bonus-earned", "Lead-registration bonus earned")]
    [InlineData("fixed-fee-paid", "Fixed fee paid between partners")]
    [InlineData("referral-fee", "Referral fee")]
    [InlineData("payout", "Payout")]
    [InlineData("clawback", "Clawback: the deal was reversed")]
    [InlineData("some-new-kind", "Some new kind")]
    public void A_ledger_entry_says_what_it_is(string account, string words) => Assert.Equal(words, LedgerEntries.Describe(account));

    [Fact]
    public void A_statement_period_covers_whole_UTC_days_with_both_ends_included()
    {
        var period = StatementPeriod.Of(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 26));

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), period.FromInstant);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero), period.ToInstant);
        Assert.Equal("money/statement.csv?from=2026-11-01&to=2026-11-25&currency=EUR", period.DownloadPath("EUR"));
        Assert.Equal("statement-2026-11-01-to-2026-11-25.csv", period.FileName(null));
    }

    [Fact]
    public void Without_days_a_statement_covers_this_month_so_far()
    {
        var period = StatementPeriod.Of(null, null, new DateOnly(2026, 11, 26));

        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 26)), (period.From, period.To));
    }

    [Theory]
    [InlineData("payer", "due", "Mark paid")]
    [InlineData("payer", "overdue", "Mark paid")]
    [InlineData("payee", "overdue", "Confirm received")]
    [InlineData("payee", "paid", null)]
    [InlineData("payer", "reversed", null)]
    [InlineData(null, "overdue", null)]
    public void A_fee_offers_the_payer_mark_paid_and_the_payee_confirm_received_while_unpaid(string? role, string state, string? action)
    {
        var (payer, payee) = (Guid.NewGuid(), Guid.NewGuid());
        var fee = new Fee("o:referral-fee:m", Guid.NewGuid(), "referral-fee", role, payer, payee, 10m, "USD",
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, state, null);

        Assert.Equal(action, fee.Action);
        Assert.Equal(state == "overdue", fee.IsOverdue);
        Assert.Equal(role == "payer" ? payee : payer, fee.OtherParty);
    }

    [Theory]
    [InlineData("referral-fee-paid", true)]
    [InlineData("payout", true)]
    [InlineData("clawback", true)]
    [InlineData("referral-fee-earned", false)]
    public void Settling_entries_are_never_held_or_payable(string account, bool settles) => Assert.Equal(settles, LedgerEntries.IsSettlement(account));
}
