using EcosystemMarket.Settlement.Apis;
using EcosystemMarket.Settlement.Model;

namespace EcosystemMarket.UnitTests;

public class Statements_as_csv_and_program_balances
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid Partner = Guid.NewGuid();
    private static readonly Guid Program = VendorAccounts.For("contoso-cloud");

    private static LedgerEntry Entry(Guid account, Guid counterparty, string kind, decimal amount, string currency, DateTimeOffset at, DateTimeOffset payableAt) =>
        new(Guid.NewGuid(), "k", Guid.NewGuid(), account, counterparty, kind, amount, currency, at, payableAt);

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    public void A_field_is_quoted_only_when_it_holds_a_comma_a_quote_or_a_line_break(string value, string written) =>
        Assert.Equal(written, StatementCsv.Field(value));

    [Fact]
    public void Amounts_are_written_to_the_currencys_minor_unit_with_a_point_and_times_in_UTC()
    {
        var entries = new[]
        {
            Entry(Partner, Program, "fixed-fee-earned", 1500m, "USD", Now.ToOffset(TimeSpan.FromHours(2)), Now),
            Entry(Partner, Program, "fixed-fee-earned", 30000m, "JPY", Now, Now),
        };
        var csv = StatementCsv.Write(Statements.For(Partner, entries, Now.AddDays(-1), Now.AddDays(1))).Split("\r\n");

        Assert.Contains(csv, line => line.StartsWith("USD,entry,2026-11-20T09:30:00.000Z,fixed-fee-earned,1500.00,", StringComparison.Ordinal));
        Assert.Contains(csv, line => line.StartsWith("JPY,entry,2026-11-20T09:30:00.000Z,fixed-fee-earned,30000,", StringComparison.Ordinal));
        Assert.Contains("USD,closing,2026-11-21T09:30:00.000Z,,1500.00,,,,,", csv);
    }

    [Fact]
    public void A_program_owes_each_partner_what_it_earned_payable_once_held_no_longer_and_paid_after_a_payout()
    {
        var other = Guid.NewGuid();
        var entries = new[]
        {
            Entry(Program, Partner, "lead-registration-bonus-owed", -1000m, "USD", Now.AddDays(-40), Now.AddDays(-10)),
            Entry(Program, Partner, "lead-registration-bonus-owed", -1500m, "USD", Now.AddDays(-1), Now.AddDays(29)),
            Entry(Program, other, "lead-registration-bonus-owed", -700m, "USD", Now.AddDays(-30), Now.AddDays(-1)),
            Entry(Program, other, Payouts.Account, 700m, "USD", Now, Now),
        };

        var balances = ProgramBalances.For(entries, Now);

        Assert.Equal(
            [new PartnerBalance(Partner, "USD", 2500m, 1500m, 1000m, 0m), new PartnerBalance(other, "USD", 0m, 0m, 0m, 700m)],
            balances);
    }
}
