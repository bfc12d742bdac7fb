using Dapper;
using EcosystemMarket.Data;
using EcosystemMarket.Matching.Model;

namespace EcosystemMarket.Matching.Infrastructure;

/// <summary>
/// The persisted side of the track record, written once per event by whichever replica takes it from the
/// shared queue, and read by every replica when it starts.
/// </summary>
public sealed class TrackRecordStore(Database database, TrackRecord record)
{
    public async Task RecordAsync(InvitationFact fact, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(database.Sql(TrackRecordSql.UpsertFact), new
        {
            fact.InvitationId, fact.OpportunityId, fact.OwnerPartnerId, fact.InviteePartnerId, fact.InvitedAt, fact.RespondedAt,
            Outcome = fact.Outcome.ToString(),
        }, cancellationToken: cancellationToken));
    }

    public async Task RecordAsync(IReadOnlyList<TeamWin> wins, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var win in wins)
        {
            await connection.ExecuteAsync(new CommandDefinition(database.Sql(TrackRecordSql.InsertWin), win, cancellationToken: cancellationToken));
        }
    }

    public async Task RecordAsync(IReadOnlyList<DealConflict> conflicts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var conflict in conflicts)
        {
            await connection.ExecuteAsync(new CommandDefinition(database.Sql(TrackRecordSql.InsertConflict), conflict, cancellationToken: cancellationToken));
        }
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var row in await connection.QueryAsync<FactRow>(new CommandDefinition(database.Sql(TrackRecordSql.SelectFacts), cancellationToken: cancellationToken)))
        {
            record.Apply(row.ToFact());
        }
        foreach (var win in await connection.QueryAsync<TeamWin>(new CommandDefinition(database.Sql(TrackRecordSql.SelectWins), cancellationToken: cancellationToken)))
        {
            record.Apply(win);
        }
        foreach (var conflict in await connection.QueryAsync<DealConflict>(new CommandDefinition(database.Sql(TrackRecordSql.SelectConflicts), cancellationToken: cancellationToken)))
        {
            record.Apply(conflict);
        }
    }

    private sealed record FactRow(Guid InvitationId, Guid OpportunityId, Guid OwnerPartnerId, Guid InviteePartnerId,
        DateTimeOffset? InvitedAt, DateTimeOffset? RespondedAt, string Outcome)
    {
        public InvitationFact ToFact() => new(InvitationId, OpportunityId, OwnerPartnerId, InviteePartnerId, InvitedAt, RespondedAt,
            Enum.Parse<InvitationOutcome>(Outcome));
    }
}
