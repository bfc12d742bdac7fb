using Dapper;
using EcosystemMarket.Data;
using EcosystemMarket.Settlement.Model;

namespace EcosystemMarket.Settlement.Infrastructure;

public sealed class Ledger(Database database)
{
    public Task<UnitOfWork> BeginAsync(CancellationToken cancellationToken) => database.BeginAsync(cancellationToken);

    public async Task<IReadOnlyList<LedgerEntry>> EntriesOfAsync(UnitOfWork unit, Guid partnerId, CancellationToken cancellationToken) =>
        (await unit.Connection.QueryAsync<LedgerEntry>(new CommandDefinition(unit.Sql(LedgerSql.SelectAllOfPartner),
            new { PartnerId = partnerId }, unit.Transaction, cancellationToken: cancellationToken))).ToList();

    /// <summary>
    /// Books the entries of each transaction not booked yet; returns how many transactions were new. One query finds
    /// the transactions booked before and one prepared insert books the rest, however many wins the entries are for.
    /// </summary>
    public async Task<int> BookAsync(UnitOfWork unit, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return 0;
        }
        var keys = entries.Select(e => e.TransactionKey).Distinct().ToList();
        var bookedBefore = new HashSet<string>();
        foreach (var chunk in keys.Chunk(SqlText.MaxListItems))
        {
            bookedBefore.UnionWith(await unit.Connection.QueryAsync<string>(new CommandDefinition(unit.Sql(LedgerSql.SelectBookedTransactions),
                new { TransactionKeys = chunk }, unit.Transaction, cancellationToken: cancellationToken)));
        }
        // The natural key (transaction, partner) once each, should two wins in one batch be the same deal.
        var fresh = entries.Where(e => !bookedBefore.Contains(e.TransactionKey)).DistinctBy(e => (e.TransactionKey, e.PartnerId)).ToList();
        if (fresh.Count > 0)
        {
            await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(LedgerSql.Insert), fresh, unit.Transaction, cancellationToken: cancellationToken));
            Audit(unit, fresh);
        }
        return keys.Count - bookedBefore.Count;
    }

    /// <summary>
    /// What was booked, in the audit log of the partners it moves money for: one entry per opportunity (its rewards, fees or
    /// clawbacks together, so an opportunity's story reads the same in every service), one per transaction that belongs to
    /// none (a fee's payment, a payout).
    /// </summary>
    private static void Audit(UnitOfWork unit, IReadOnlyList<LedgerEntry> booked)
    {
        foreach (var group in booked.GroupBy(e => e.OpportunityId == Guid.Empty ? e.TransactionKey : e.OpportunityId.ToString("D")))
        {
            var entries = group.ToList();
            unit.Audit("ledger.booked", entries[0].OpportunityId == Guid.Empty ? "ledger-transaction" : "opportunity", group.Key,
                entries.Select(e => e.PartnerId), details: new { Entries = entries.Select(e => new { e.TransactionKey, e.PartnerId, e.Account, e.Amount, e.Currency }) });
        }
    }

    /// <summary>
    /// Marks won opportunities as settled, rewards or not, so a later reversal knows the win was handled; with the vendor
    /// whose program each was in, if any, so the vendor sees the fees between partners on its deals.
    /// </summary>
    public async Task MarkSettledAsync(UnitOfWork unit, IEnumerable<(Guid OpportunityId, string? VendorId)> opportunities, DateTimeOffset now, CancellationToken cancellationToken) =>
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(LedgerSql.InsertSettledUnlessSettled),
            opportunities.DistinctBy(o => o.OpportunityId).Select(o => new { o.OpportunityId, SettledAt = now, o.VendorId }).ToList(),
            unit.Transaction, cancellationToken: cancellationToken));

    public async Task<bool> IsSettledAsync(UnitOfWork unit, Guid opportunityId, CancellationToken cancellationToken) =>
        await unit.Connection.ExecuteScalarAsync<long>(new CommandDefinition(unit.Sql(LedgerSql.CountSettled),
            new { OpportunityId = opportunityId }, unit.Transaction, cancellationToken: cancellationToken)) > 0;

    public async Task<IReadOnlyList<LedgerEntry>> EntriesOfOpportunityAsync(UnitOfWork unit, Guid opportunityId, CancellationToken cancellationToken) =>
        (await unit.Connection.QueryAsync<LedgerEntry>(new CommandDefinition(unit.Sql(LedgerSql.SelectOfOpportunity),
            new { OpportunityId = opportunityId }, unit.Transaction, cancellationToken: cancellationToken))).ToList();

    /// <summary>The entries of these transactions, on every side.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> EntriesOfTransactionsAsync(UnitOfWork unit, IReadOnlyList<string> transactionKeys, CancellationToken cancellationToken) =>
        (await unit.Connection.QueryAsync<LedgerEntry>(new CommandDefinition(unit.Sql(LedgerSql.SelectOfTransactions),
            new { TransactionKeys = transactionKeys }, unit.Transaction, cancellationToken: cancellationToken))).ToList();

    /// <summary>
    /// The fees between partners on the deals of a vendor's program, with whatever settled or clawed them back: the
    /// bookings of its won deals, then the settlements of those fees by their keys.
    /// </summary>
    public async Task<IReadOnlyList<LedgerEntry>> FeeEntriesOfVendorAsync(string vendorId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var entries = (await connection.QueryAsync<LedgerEntry>(new CommandDefinition(database.Sql(LedgerSql.SelectOfVendorOpportunities),
            new { VendorId = vendorId }, cancellationToken: cancellationToken))).ToList();
        var paidKeys = entries.Select(e => PartnerFees.PaidKey(e.TransactionKey)).Distinct().ToList();
        foreach (var chunk in paidKeys.Chunk(SqlText.MaxListItems))
        {
            entries.AddRange(await connection.QueryAsync<LedgerEntry>(new CommandDefinition(database.Sql(LedgerSql.SelectOfTransactions),
                new { TransactionKeys = chunk }, cancellationToken: cancellationToken)));
        }
        return entries;
    }

    public async Task<IReadOnlyList<LedgerEntry>> EntriesOfAsync(Guid partnerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<LedgerEntry>(new CommandDefinition(database.Sql(LedgerSql.SelectAllOfPartner),
            new { PartnerId = partnerId }, cancellationToken: cancellationToken))).ToList();
    }
}
