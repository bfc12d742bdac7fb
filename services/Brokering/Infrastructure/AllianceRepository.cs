using System.Data.Common;
using System.Text.Json;
using Dapper;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Data;
using EcosystemMarket.ServiceDefaults.Paging;

namespace EcosystemMarket.Brokering.Infrastructure;

/// <summary>Alliances with their members and shared opportunities: one aggregate, read and changed inside one unit of work.</summary>
public sealed class AllianceRepository(Database database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<UnitOfWork> BeginAsync(CancellationToken cancellationToken) => database.BeginAsync(cancellationToken);

    public async Task InsertAsync(UnitOfWork unit, AllianceAggregate aggregate, CancellationToken cancellationToken)
    {
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(AllianceSql.InsertAlliance), AllianceRow.From(aggregate.Alliance),
            unit.Transaction, cancellationToken: cancellationToken));
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(AllianceSql.InsertMember),
            aggregate.Members.Select(m => MemberRow.From(aggregate.Alliance.Id, m)), unit.Transaction, cancellationToken: cancellationToken));
        var a = aggregate.Alliance;
        unit.Audit("alliance.proposed", "alliance", a.Id, aggregate.Members.Select(m => m.PartnerId), details: new { a.Name, a.Level, a.Scope });
    }

    /// <summary>The alliance with its members and shares, read inside the unit that will save it; null when there is none.</summary>
    public Task<AllianceAggregate?> LoadAsync(UnitOfWork unit, Guid id, CancellationToken cancellationToken) =>
        ReadAsync(unit.Connection, unit.Transaction, id, cancellationToken);

    /// <summary>The same, read outside a unit of work.</summary>
    public async Task<AllianceAggregate?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, id, cancellationToken);
    }

    /// <summary>
    /// Saves what the aggregate changed, only from the version it read: a row count of 0 means another request saved
    /// first (<see cref="ConcurrencyConflictException"/>, answered 409), and the unit is not committed.
    /// </summary>
    public async Task SaveAsync(UnitOfWork unit, AllianceAggregate aggregate, CancellationToken cancellationToken)
    {
        var a = aggregate.Alliance;
        var saved = await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(AllianceSql.UpdateAllianceFromVersion),
            new { a.Id, State = a.State.ToString(), a.UpdatedAt, Version = aggregate.LoadedVersion }, unit.Transaction, cancellationToken: cancellationToken));
        if (saved == 0)
        {
            throw new ConcurrencyConflictException($"Alliance {a.Id} was changed by another request since version {aggregate.LoadedVersion} was read.");
        }
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(AllianceSql.UpdateMember),
            aggregate.ChangedMembers.Select(m => MemberRow.From(a.Id, m)), unit.Transaction, cancellationToken: cancellationToken));
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(AllianceSql.InsertShared),
            aggregate.NewlyShared.Select(s => SharedRow.From(a.Id, s)), unit.Transaction, cancellationToken: cancellationToken));
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(AllianceSql.DeleteShared),
            aggregate.Unshared.Select(s => new { AllianceId = a.Id, s.OpportunityId }), unit.Transaction, cancellationToken: cancellationToken));
        Audit(unit, aggregate);
    }

    /// <summary>What the aggregate changed, in the audit log of every member: answers, its state, what was shared or withdrawn.</summary>
    private static void Audit(UnitOfWork unit, AllianceAggregate aggregate)
    {
        var a = aggregate.Alliance;
        var members = aggregate.Members.Select(m => m.PartnerId).ToList();
        foreach (var member in aggregate.ChangedMembers)
        {
            unit.Audit($"alliance.member-{member.Status.ToString().ToLowerInvariant()}", "alliance", a.Id, members, details: new { member.PartnerId, member.Status });
        }
        if (a.State != aggregate.LoadedState)
        {
            unit.Audit($"alliance.{a.State.ToString().ToLowerInvariant()}", "alliance", a.Id, members, details: new { From = aggregate.LoadedState, To = a.State });
        }
        foreach (var shared in aggregate.NewlyShared)
        {
            unit.Audit("alliance.opportunity-shared", "alliance", a.Id, members, details: new { shared.OpportunityId, shared.OwnerPartnerId });
        }
        foreach (var unshared in aggregate.Unshared)
        {
            unit.Audit("alliance.opportunity-unshared", "alliance", a.Id, members, details: new { unshared.OpportunityId, unshared.OwnerPartnerId });
        }
    }

    /// <summary>The alliances the partner is listed in (whatever its answer), oldest first, each with its members.</summary>
    public async Task<IReadOnlyList<AllianceAggregate>> PageOfPartnerAsync(Guid partner, PageCursor? after, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<AllianceRow>(new CommandDefinition(database.Sql(AllianceSql.PageOfPartner),
            new { Partner = partner, AfterKey = OpportunityRepository.KeyOf(after), AfterId = after?.Id ?? Guid.Empty, Take = take },
            cancellationToken: cancellationToken))).ToList();
        return await WithMembersAsync(connection, rows, cancellationToken);
    }

    /// <summary>The alliances in force in which the partner takes part, each with its members (without its shares).</summary>
    public async Task<IReadOnlyList<AllianceAggregate>> InForceOfAsync(Guid partner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<AllianceRow>(new CommandDefinition(database.Sql(AllianceSql.SelectInForceOf),
            new { Partner = partner }, cancellationToken: cancellationToken))).ToList();
        return await WithMembersAsync(connection, rows, cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> AlliancesSharingAsync(Guid opportunityId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Guid>(new CommandDefinition(database.Sql(AllianceSql.SelectAlliancesSharing),
            new { OpportunityId = opportunityId }, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<IReadOnlyList<SharedOpportunity>> PageSharedAsync(Guid allianceId, PageCursor? after, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<SharedRow>(new CommandDefinition(database.Sql(AllianceSql.PageShared),
            new { AllianceId = allianceId, AfterKey = OpportunityRepository.KeyOf(after), AfterId = after?.Id ?? Guid.Empty, Take = take },
            cancellationToken: cancellationToken))).Select(s => s.ToModel()).ToList();
    }

    public static PageCursor CursorOf(AllianceAggregate a) => OpportunityRepository.CursorOf(a.Alliance.CreatedAt, a.Alliance.Id);

    public static PageCursor CursorOf(SharedOpportunity s) => OpportunityRepository.CursorOf(s.SharedAt, s.OpportunityId);

    private async Task<AllianceAggregate?> ReadAsync(DbConnection connection, DbTransaction? transaction, Guid id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<AllianceRow>(new CommandDefinition(database.Sql(AllianceSql.SelectAlliance),
            new { Id = id }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }
        var members = await connection.QueryAsync<MemberRow>(new CommandDefinition(database.Sql(AllianceSql.SelectMembersOf),
            new { AllianceId = id }, transaction, cancellationToken: cancellationToken));
        var shared = await connection.QueryAsync<SharedRow>(new CommandDefinition(database.Sql(AllianceSql.SelectSharedOf),
            new { AllianceId = id }, transaction, cancellationToken: cancellationToken));
        return new AllianceAggregate(row.ToModel(), members.Select(m => m.ToModel()), shared.Select(s => s.ToModel()));
    }

    private async Task<IReadOnlyList<AllianceAggregate>> WithMembersAsync(DbConnection connection, IReadOnlyList<AllianceRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        // Ids as text: Dapper expands a list without the Guid type handler, which would bind blobs for SQLite.
        var members = (await connection.QueryAsync<MemberRow>(new CommandDefinition(database.Sql(AllianceSql.SelectMembersOfMany),
            new { Ids = rows.Select(r => r.Id.ToString("D")).ToList() }, cancellationToken: cancellationToken))).ToLookup(m => m.AllianceId);
        return rows.Select(r => new AllianceAggregate(r.ToModel(), members[r.Id].Select(m => m.ToModel()), [])).ToList();
    }

    private sealed record AllianceRow(Guid Id, string Name, Guid ProposedBy, string Scope, string SharingLevel, string State,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
    {
        public static AllianceRow From(Alliance a) => new(a.Id, a.Name, a.ProposedBy, JsonSerializer.Serialize(a.Scope, Json), a.Level.Name(),
            a.State.ToString(), a.CreatedAt, a.UpdatedAt, a.Version);

        public Alliance ToModel() => new()
        {
            Id = Id, Name = Name, ProposedBy = ProposedBy, Scope = JsonSerializer.Deserialize<AllianceScope>(Scope, Json)!,
            Level = SharingLevels.Parse(SharingLevel) ?? throw new InvalidDataException($"Alliance {Id} has an unknown sharing level '{SharingLevel}'."),
            State = Enum.Parse<AllianceState>(State), CreatedAt = CreatedAt, UpdatedAt = UpdatedAt, Version = Version,
        };
    }

    private sealed record MemberRow(Guid AllianceId, Guid PartnerId, string Status, DateTimeOffset? AnsweredAt)
    {
        public static MemberRow From(Guid allianceId, AllianceMember m) => new(allianceId, m.PartnerId, m.Status.ToString(), m.AnsweredAt);

        public AllianceMember ToModel() => new(PartnerId, Enum.Parse<MembershipStatus>(Status), AnsweredAt);
    }

    private sealed record SharedRow(Guid OpportunityId, Guid OwnerPartnerId, DateTimeOffset SharedAt)
    {
        public static object From(Guid allianceId, SharedOpportunity s) => new { AllianceId = allianceId, s.OpportunityId, s.OwnerPartnerId, s.SharedAt };

        public SharedOpportunity ToModel() => new(OpportunityId, OwnerPartnerId, SharedAt);
    }
}
