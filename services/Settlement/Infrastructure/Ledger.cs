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

    /// <summary>Books the entries of each transaction not booked yet; returns how many transactions were new.</summary>
    public async Task<int> BookAsync(UnitOfWork unit, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        var booked = 0;
        foreach (var transaction in entries.GroupBy(e => e.TransactionKey))
        {
            var exists = await unit.Connection.ExecuteScalarAsync<long>(new CommandDefinition(unit.Sql(LedgerSql.CountTransaction),
                new { TransactionKey = transaction.Key }, unit.Transaction, cancellationToken: cancellationToken));
            if (exists > 0)
            {
                continue;
            }
            await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(LedgerSql.Insert), transaction.ToList(), unit.Transaction, cancellationToken: cancellationToken));
            booked++;
        }
        return booked;
    }

    /// <summary>Marks a won opportunity as settled, rewards or not, so a later reversal knows the win was handled.</summary>
    public async Task MarkSettledAsync(UnitOfWork unit, Guid opportunityId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(LedgerSql.InsertSettledUnlessSettled),
            new { OpportunityId = opportunityId, SettledAt = now }, unit.Transaction, cancellationToken: cancellationToken));

    public async Task<bool> IsSettledAsync(UnitOfWork unit, Guid opportunityId, CancellationToken cancellationToken) =>
        await unit.Connection.ExecuteScalarAsync<long>(new CommandDefinition(unit.Sql(LedgerSql.CountSettled),
            new { OpportunityId = opportunityId }, unit.Transaction, cancellationToken: cancellationToken)) > 0;

    public async Task<IReadOnlyList<LedgerEntry>> EntriesOfOpportunityAsync(UnitOfWork unit, Guid opportunityId, CancellationToken cancellationToken) =>
        (await unit.Connection.QueryAsync<LedgerEntry>(new CommandDefinition(unit.Sql(LedgerSql.SelectOfOpportunity),
            new { OpportunityId = opportunityId }, unit.Transaction, cancellationToken: cancellationToken))).ToList();

    public async Task<IReadOnlyList<LedgerEntry>> EntriesOfAsync(Guid partnerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<LedgerEntry>(new CommandDefinition(database.Sql(LedgerSql.SelectAllOfPartner),
            new { PartnerId = partnerId }, cancellationToken: cancellationToken))).ToList();
    }
}
