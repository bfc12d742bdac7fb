using Dapper;
using EcosystemMarket.Data;

namespace EcosystemMarket.Partners.Telemetry;

/// <summary>Active partners in one group: <see cref="Dimension"/> is type, tier or region, <see cref="Value"/> the group's.</summary>
/// <remarks>
/// Settable properties, not a positional record: SQLite reports no type for computed columns of an empty result,
/// and Dapper then finds no constructor to match.
/// </remarks>
public sealed record PartnerCount
{
    public string Dimension { get; init; } = "";
    public string Vendor { get; init; } = "";
    public string Value { get; init; } = "";
    public long Partners { get; init; }
}

/// <summary>The directory counted for the partner gauges, in one statement.</summary>
public sealed class PartnerCounts(Database database)
{
    public async Task<IReadOnlyList<PartnerCount>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<PartnerCount>(new CommandDefinition(database.Sql(PartnerCountSql.Counts), cancellationToken: cancellationToken))).ToList();
    }
}
