using System.Text.Json;
using Dapper;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Data;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.ServiceDefaults.Paging;

namespace EcosystemMarket.Partners.Infrastructure;

public sealed class PartnerRepository(Database database, TimeProvider clock)
{
    public async Task<Partner?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PartnerRow>(
            new CommandDefinition(database.Sql(PartnerSql.SelectById), new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToPartner();
    }

    public async Task<IReadOnlyList<Partner>> PageAsync(PageCursor? after, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PartnerRow>(new CommandDefinition(database.Sql(PartnerSql.Page),
            new { AfterName = after?.Key, AfterId = after?.Id ?? Guid.Empty, Take = take }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToPartner()).ToList();
    }

    /// <returns>The new partner, or null when this organisation is already registered.</returns>
    public async Task<Partner?> RegisterAsync(Guid id, PartnerProfile profile, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        var existing = await unit.Connection.QuerySingleOrDefaultAsync<PartnerRow>(
            new CommandDefinition(unit.Sql(PartnerSql.SelectById), new { Id = id }, unit.Transaction, cancellationToken: cancellationToken));
        if (existing is not null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var partner = new Partner
        {
            Id = id,
            Name = profile.Name!.Trim(),
            PartnerFunction = profile.PartnerFunction!,
            Category = profile.Category!,
            Tier = profile.Tier!,
            Regions = profile.DistinctRegions(),
            Capabilities = profile.DistinctCapabilities(),
            Active = true,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(PartnerSql.Insert), PartnerRow.From(partner), unit.Transaction, cancellationToken: cancellationToken));
        await unit.PublishAsync(new PartnerRegistered { Partner = partner.ToSnapshot(), OccurredAt = now }, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return partner;
    }

    /// <returns>The updated partner; null when it does not exist; <see cref="UpdateOutcome.Stale"/> when the expected version is not the current one.</returns>
    public async Task<(UpdateOutcome Outcome, Partner? Partner)> UpdateAsync(Guid id, PartnerProfile profile, long? expectedVersion, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        var current = (await unit.Connection.QuerySingleOrDefaultAsync<PartnerRow>(
            new CommandDefinition(unit.Sql(PartnerSql.SelectById), new { Id = id }, unit.Transaction, cancellationToken: cancellationToken)))?.ToPartner();
        if (current is null)
        {
            return (UpdateOutcome.NotFound, null);
        }
        if (expectedVersion is { } expected && expected != current.Version)
        {
            return (UpdateOutcome.Stale, current);
        }

        var now = clock.GetUtcNow();
        var updated = current with
        {
            Name = profile.Name!.Trim(),
            PartnerFunction = profile.PartnerFunction!,
            Category = profile.Category!,
            Tier = profile.Tier!,
            Regions = profile.DistinctRegions(),
            Capabilities = profile.DistinctCapabilities(),
            Version = current.Version + 1,
            UpdatedAt = now,
        };
        var row = PartnerRow.From(updated);
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(PartnerSql.Update),
            new { row.Id, row.Name, row.PartnerFunction, row.Category, row.Tier, row.Regions, row.Capabilities, row.Version, row.UpdatedAt, ExpectedVersion = current.Version },
            unit.Transaction, cancellationToken: cancellationToken));
        await unit.PublishAsync(new PartnerProfileUpdated { Partner = updated.ToSnapshot(), OccurredAt = now }, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return (UpdateOutcome.Updated, updated);
    }

    private sealed record PartnerRow(Guid Id, string Name, string PartnerFunction, string Category, string Tier, string Regions,
        string Capabilities, bool Active, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
    {
        public static PartnerRow From(Partner p) => new(p.Id, p.Name, p.PartnerFunction, p.Category, p.Tier,
            JsonSerializer.Serialize(p.Regions), JsonSerializer.Serialize(p.Capabilities), p.Active, p.Version, p.CreatedAt, p.UpdatedAt);

        public Partner ToPartner() => new()
        {
            Id = Id,
            Name = Name,
            PartnerFunction = PartnerFunction,
            Category = Category,
            Tier = Tier,
            Regions = JsonSerializer.Deserialize<string[]>(Regions)!,
            Capabilities = JsonSerializer.Deserialize<string[]>(Capabilities)!,
            Active = Active,
            Version = Version,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
        };
    }
}

public enum UpdateOutcome
{
    Updated,
    NotFound,
    Stale,
}
