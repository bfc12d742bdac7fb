using Dapper;
using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.Data;
using EcosystemMarket.ServiceDefaults;
using EcosystemMarket.Settlement.Model;

namespace EcosystemMarket.Settlement.Infrastructure;

/// <summary>A program's rewards (or every reward, for the whole ecosystem), read from the ledger: now, or over a period.</summary>
public sealed class RewardFiguresQuery(Database database, TimeProvider clock)
{
    private const string Columns = """
        id AS Id, transaction_key AS TransactionKey, opportunity_id AS OpportunityId, partner_id AS PartnerId,
        counterparty_partner_id AS CounterpartyPartnerId, account AS Account, amount AS Amount, currency AS Currency, created_at AS CreatedAt,
        payable_at AS PayableAt
        """;

    // Over a period, only what was booked before its end (@End); for all time (@End null), everything.
    private const string RewardAccounts = "(account LIKE '%-earned' OR account IN ('clawback', 'payout')) AND (@End IS NULL OR created_at < @End)";

    // Entries, not sums: SQLite keeps decimals as text, and money is summed as decimal.
    private static readonly SqlText SelectOwedByVendor = SqlText.Portable(
        $"SELECT {Columns} FROM ledger_entries WHERE counterparty_partner_id = @VendorAccount AND {RewardAccounts};");

    private static readonly SqlText SelectAll = SqlText.Portable($"SELECT {Columns} FROM ledger_entries WHERE {RewardAccounts};");

    private static readonly SqlText SelectPrograms = SqlText.Portable(
        "SELECT vendor_id AS VendorId, name AS Name FROM reward_programs WHERE @VendorId IS NULL OR vendor_id = @VendorId ORDER BY vendor_id;");

    /// <param name="period">The days whose flows count, balances at their end; none for all time up to now.</param>
    /// <param name="everyProgram">List every reward program (for an administrator), not only <paramref name="vendor"/>'s.</param>
    public async Task<RewardFigures> ReadAsync(string? vendor, ReportingPeriod? period, bool everyProgram, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var asOf = period is not null && period.End < now ? period.End : now;
        await using var connection = await database.OpenAsync(cancellationToken);
        var entries = vendor is null
            ? await connection.QueryAsync<LedgerEntry>(new CommandDefinition(database.Sql(SelectAll), new { End = period?.End }, cancellationToken: cancellationToken))
            : await connection.QueryAsync<LedgerEntry>(new CommandDefinition(database.Sql(SelectOwedByVendor),
                new { VendorAccount = VendorAccounts.For(vendor), End = period?.End }, cancellationToken: cancellationToken));
        var programs = (await connection.QueryAsync<ProgramSummary>(new CommandDefinition(database.Sql(SelectPrograms),
            new { VendorId = everyProgram ? null : vendor }, cancellationToken: cancellationToken))).ToList();
        return new RewardFigures
        {
            Vendor = vendor,
            ProgramName = vendor is null ? null : programs.FirstOrDefault(p => p.VendorId == vendor)?.Name,
            From = period?.From,
            To = period?.To,
            AsOf = asOf,
            Currencies = RewardTotals.Of(entries, asOf, period?.Start),
            Programs = programs,
        };
    }
}
