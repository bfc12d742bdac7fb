using Dapper;
using EcosystemMarket.Data;
using EcosystemMarket.Data.Audit;
using EcosystemMarket.Data.Migrations;
using EcosystemMarket.Data.Outbox;
using EcosystemMarket.ServiceDefaults.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcosystemMarket.UnitTests;

/// <summary>
/// The audit log on the shared migrations: an entry exists exactly when its change commits, says who acted for whom from
/// which request, is read only by those it concerns, and cannot be changed or deleted by anyone.
/// </summary>
public sealed class Audit_log : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"em-audit-{Guid.NewGuid():N}.db");
    private Database _database = null!;
    private AuditLog _log = null!;

    public async ValueTask InitializeAsync()
    {
        _database = new Database($"Data Source={_file}", SqlDialect.Sqlite, new OutboxSignal());
        await new MigrationRunner(_database, NullLogger<MigrationRunner>.Instance).MigrateAsync([typeof(Database).Assembly], Cancel);
        _log = new AuditLog(_database);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }
        return ValueTask.CompletedTask;
    }

    private static readonly AuditActor Owner = new("partner-owner", "partner", "5c1e9a44-0000-0000-0000-000000000001", "POST /api/opportunities", "key-1");

    private async Task RecordAsync(string action, Guid[] parties, string? vendor, bool commit = true)
    {
        await using var unit = await _database.BeginAsync(Cancel);
        unit.Audit(action, "opportunity", Guid.NewGuid(), parties, vendor, new { Value = 100 });
        if (commit)
        {
            await unit.CommitAsync(Cancel);
        }
    }

    [Fact]
    public async Task An_entry_says_who_acted_for_whom_from_which_request_and_exists_only_when_its_change_committed()
    {
        var (owner, invitee) = (Guid.NewGuid(), Guid.NewGuid());
        using (AuditContext.Use(Owner))
        {
            await RecordAsync("opportunity.posted", [owner], "northwind");
            await RecordAsync("opportunity.rolled-back", [owner], "northwind", commit: false);
        }
        await RecordAsync("invitation.expired", [owner, invitee], vendor: null);

        var ofOwner = await _log.ReadAsync(new AuditQuery(owner, null, null, null, 10), Cancel);
        Assert.Equal(["invitation.expired", "opportunity.posted"], ofOwner.Select(e => e.Action));
        var posted = ofOwner[1];
        Assert.Equal(("partner-owner", "partner", Owner.ActingFor, "POST /api/opportunities", "key-1"),
            (posted.Actor, posted.ActorRole, posted.ActingFor, posted.Request, posted.IdempotencyKey));
        Assert.Equal(100, posted.Details!.Value.GetProperty("value").GetInt32());
        Assert.Equal([owner], posted.Parties);
        // Outside a request, the system acted.
        Assert.Equal((AuditActor.SystemActor, null), (ofOwner[0].Actor, ofOwner[0].ActingFor));
        Assert.Equal(new[] { owner, invitee }.Order(), ofOwner[0].Parties);

        Assert.Equal(["invitation.expired"], (await _log.ReadAsync(new AuditQuery(invitee, null, null, null, 10), Cancel)).Select(e => e.Action));
        Assert.Equal(["opportunity.posted"], (await _log.ReadAsync(new AuditQuery(null, "northwind", null, null, 10), Cancel)).Select(e => e.Action));
        Assert.Empty(await _log.ReadAsync(new AuditQuery(Guid.NewGuid(), null, null, null, 10), Cancel));
        Assert.Empty(await _log.ReadAsync(new AuditQuery(null, "contoso", null, null, 10), Cancel));
    }

    [Fact]
    public async Task Pages_follow_the_ids_which_order_entries_by_time()
    {
        var partner = Guid.NewGuid();
        for (var i = 0; i < 5; i++)
        {
            await RecordAsync($"step.{i}", [partner], "northwind");
        }

        var first = await _log.ReadAsync(new AuditQuery(partner, null, null, null, 2), Cancel);
        var second = await _log.ReadAsync(new AuditQuery(partner, null, null, first[^1].Id, 2), Cancel);
        var third = await _log.ReadAsync(new AuditQuery(null, "northwind", null, second[^1].Id, 2), Cancel);

        Assert.Equal(["step.4", "step.3", "step.2", "step.1", "step.0"], first.Concat(second).Concat(third).Select(e => e.Action));
        Assert.True(first[0].At >= third[^1].At);
    }

    [Fact]
    public void Ids_grow_with_every_entry_even_within_one_millisecond()
    {
        var at = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, 10_000).Select(_ => AuditIds.Next(at)).Select(id => id.ToString("D")).ToList();

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal('7', id[14]));
        Assert.True(string.CompareOrdinal(AuditIds.Next(at.AddMilliseconds(5)).ToString("D"), ids[^1]) > 0);
    }

    [Theory]
    [InlineData("UPDATE audit_log SET action = 'nothing.happened';")]
    [InlineData("DELETE FROM audit_log;")]
    [InlineData("DELETE FROM audit_parties;")]
    [InlineData("UPDATE audit_parties SET partner_id = 'someone-else';")]
    public async Task No_one_changes_or_deletes_an_entry_not_even_with_sql(string sql)
    {
        await RecordAsync("opportunity.posted", [Guid.NewGuid()], "northwind");

        await using var connection = await _database.OpenAsync(Cancel);
        var refused = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(sql));

        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = 'opportunity.posted';"));
    }
}
