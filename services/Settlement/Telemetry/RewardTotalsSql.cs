using EcosystemMarket.Data;

namespace EcosystemMarket.Settlement.Telemetry;

internal static class RewardTotalsSql
{
    public static readonly SqlText ProgramVendors = SqlText.Portable("SELECT vendor_id FROM reward_programs;");

    // The partner side of every reward: what was earned, clawed back from it (a clawback entry negative on the
    // earner's side) and paid out of it (a payout entry negative on the partner's side). A program's rewards have its
    // vendor account as counterparty; the other rewards, owed by one partner to another, fall under no vendor (NULL).
    // Payable is what is released (past the holding period) net of clawbacks and payouts, as PayoutAccount.Approve sums it.
    private const string Totals = """
        SELECT vendor_account AS VendorAccount, currency AS Currency,
            SUM(CASE WHEN account LIKE '%-earned' THEN amount ELSE 0.0 END) AS Accrued,
            SUM(CASE WHEN payable_at <= @Now THEN amount ELSE 0.0 END) AS Payable,
            SUM(CASE WHEN account = 'payout' THEN -amount ELSE 0.0 END) AS Paid,
            SUM(CASE WHEN account = 'clawback' THEN -amount ELSE 0.0 END) AS ClawedBack
        FROM (
            SELECT CASE WHEN counterparty_partner_id IN @VendorAccounts THEN counterparty_partner_id END AS vendor_account,
                currency, account, CAST(amount AS {0}) AS amount, payable_at
            FROM ledger_entries
            WHERE account LIKE '%-earned' OR (account IN ('clawback', 'payout') AND CAST(amount AS {0}) < 0)
        ) AS credited
        GROUP BY vendor_account, currency;
        """;

    // SQLite keeps decimals as text; both sides sum them as doubles, which is all a gauge can hold.
    public static readonly SqlText ByVendorAndCurrency = new(Sqlite: string.Format(Totals, "REAL"), SqlServer: string.Format(Totals, "FLOAT"));
}
