using EcosystemMarket.Portal.Money;

namespace EcosystemMarket.PortalTests;

public class Money_words
{
    [Theory]
    [InlineData("referral-fee-earned", "Referral fee earned")]
    [InlineData("revenue-share-owed", "Revenue share owed to a team member")]
    [InlineData("lead-registration-bonus-earned", "Lead-registration bonus earned")]
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
}
