using Dapper;
using EcosystemMarket.Data;

namespace EcosystemMarket.Partners.Telemetry;

/// <summary>Active partners in one group: <see cref="Dimension"/> is type, tier or region, <see cref="Value"/> the group's.</summary>
public sealed record PartnerCount(string Dimension, string Vendor, string Value, long Partners);

/// <summary>The directory counted for the partner gauges, in one statement.</summary>
public sealed class PartnerCounts(Database database)
{
    public async Task<IReadOnlyList<PartnerCount>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<PartnerCount>(new CommandDefinition(database.Sql(PartnerCountSql.Counts), cancellationToken: cancellationToken))).ToList();
    }
}
