using System.Text.Json;
using Dapper;
using EcosystemMarket.ServiceDefaults.Audit;

namespace EcosystemMarket.Data.Audit;

/// <summary>
/// The service's audit log (<c>audit_log</c>, <c>audit_parties</c>): written only by <see cref="UnitOfWork.Audit"/> in the
/// change's transaction, so no change commits without its entry and no entry outlives a rolled-back change; read newest first
/// by id, which is a UUIDv7 and so orders entries by time in every service.
/// </summary>
public sealed class AuditLog(Database database) : IAuditLog
{
    private static readonly SqlText InsertEntry = SqlText.Portable("""
        INSERT INTO audit_log (id, at, actor, actor_role, acting_for, action, subject_type, subject_id, vendor_id, request, trace_id, idempotency_key, details)
        VALUES (@Id, @At, @Actor, @ActorRole, @ActingFor, @Action, @SubjectType, @SubjectId, @VendorId, @Request, @TraceId, @IdempotencyKey, @Details);
        """);

    private static readonly SqlText InsertParty = SqlText.Portable("INSERT INTO audit_parties (partner_id, entry_id) VALUES (@PartnerId, @EntryId);");

    private const string Columns = """
        e.id AS Id, e.at AS At, e.actor AS Actor, e.actor_role AS ActorRole, e.acting_for AS ActingFor, e.action AS Action,
        e.subject_type AS SubjectType, e.subject_id AS SubjectId, e.vendor_id AS VendorId, e.request AS Request, e.trace_id AS TraceId,
        e.idempotency_key AS IdempotencyKey, e.details AS Details
        """;

    // One statement per way in, each an index range read newest first: the caller's partner, its program, or everything.
    private static readonly SqlText OfPartner = Page($"""
        SELECT {Columns} FROM audit_parties p JOIN audit_log e ON e.id = p.entry_id
        WHERE p.partner_id = @PartnerId AND (@Before IS NULL OR p.entry_id < @Before) AND (@SubjectId IS NULL OR e.subject_id = @SubjectId)
        ORDER BY p.entry_id DESC
        """);

    private static readonly SqlText OfVendor = Page($"""
        SELECT {Columns} FROM audit_log e
        WHERE e.vendor_id = @VendorId AND (@Before IS NULL OR e.id < @Before) AND (@SubjectId IS NULL OR e.subject_id = @SubjectId)
        ORDER BY e.id DESC
        """);

    private static readonly SqlText All = Page($"""
        SELECT {Columns} FROM audit_log e
        WHERE (@Before IS NULL OR e.id < @Before) AND (@SubjectId IS NULL OR e.subject_id = @SubjectId)
        ORDER BY e.id DESC
        """);

    private static readonly SqlText PartiesOf = SqlText.Portable(
        "SELECT entry_id AS EntryId, partner_id AS PartnerId FROM audit_parties WHERE entry_id IN @EntryIds;");

    /// <summary>A query's first page in both dialects: <c>LIMIT</c> after it on SQLite, <c>TOP</c> after its leading SELECT on SQL Server.</summary>
    private static SqlText Page(string query) => query.StartsWith("SELECT ", StringComparison.Ordinal)
        ? new($"{query} LIMIT @Take;", $"SELECT TOP (@Take) {query["SELECT ".Length..]};")
        : throw new ArgumentException("A page is read by a SELECT.", nameof(query));

    internal static async Task WriteAsync(UnitOfWork unit, IReadOnlyList<(AuditEntry Entry, string? Details)> entries, CancellationToken cancellationToken)
    {
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(InsertEntry), entries.Select(pair => new
        {
            Id = pair.Entry.Id.ToString("D"), pair.Entry.At, pair.Entry.Actor, pair.Entry.ActorRole, pair.Entry.ActingFor, pair.Entry.Action,
            pair.Entry.SubjectType, pair.Entry.SubjectId, pair.Entry.VendorId, pair.Entry.Request, pair.Entry.TraceId, pair.Entry.IdempotencyKey, pair.Details,
        }).ToList(), unit.Transaction, cancellationToken: cancellationToken));
        var parties = entries.SelectMany(pair => pair.Entry.Parties.Select(p => new { PartnerId = p, EntryId = pair.Entry.Id.ToString("D") })).ToList();
        if (parties.Count > 0)
        {
            await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(InsertParty), parties, unit.Transaction, cancellationToken: cancellationToken));
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var statement = query.PartnerId is not null ? OfPartner : query.VendorId is not null ? OfVendor : All;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(database.Sql(statement), new
        {
            query.PartnerId, query.VendorId, query.SubjectId, Before = AnsiId(query.Before), query.Take,
        }, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return [];
        }
        var parties = (await connection.QueryAsync<(string EntryId, Guid PartnerId)>(new CommandDefinition(database.Sql(PartiesOf),
            new { EntryIds = rows.Select(r => r.Id).ToList() }, cancellationToken: cancellationToken))).ToLookup(p => p.EntryId, p => p.PartnerId);
        return rows.Select(r => new AuditEntry(Guid.Parse(r.Id), r.At, r.Actor, r.ActorRole, r.ActingFor, r.Action, r.SubjectType, r.SubjectId,
            parties[r.Id].Order().ToList(), r.VendorId, r.Request, r.TraceId, r.IdempotencyKey,
            r.Details is null ? null : JsonSerializer.Deserialize<JsonElement>(r.Details))).ToList();
    }

    /// <summary>An id as the column holds it (SQL Server: CHAR(36), so no conversion spoils the index range).</summary>
    private static DbString AnsiId(Guid? id) => new() { Value = id?.ToString("D"), IsAnsi = true, IsFixedLength = true, Length = 36 };

    private sealed record Row(string Id, DateTimeOffset At, string Actor, string ActorRole, string? ActingFor, string Action, string SubjectType, string SubjectId,
        string? VendorId, string? Request, string? TraceId, string? IdempotencyKey, string? Details);
}
