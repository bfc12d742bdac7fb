using System.Text.Json;
using Dapper;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Data;
using EcosystemMarket.Matching.Model;

namespace EcosystemMarket.Matching.Infrastructure;

/// <summary>
/// The partners Matching can suggest, kept from Partners' events in Matching's own database.
/// Ranking reads every active partner; the in-memory index of the partner-directory work replaces that scan.
/// </summary>
public sealed class PartnerIndex(Database database)
{
    public async Task ApplyAsync(PartnerSnapshot snapshot, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(database.Sql(PartnerIndexSql.Upsert), new
        {
            snapshot.PartnerId,
            snapshot.Name,
            snapshot.Tier,
            Regions = JsonSerializer.Serialize(snapshot.Regions),
            Capabilities = JsonSerializer.Serialize(snapshot.Capabilities.Select(c => c.Code)),
            snapshot.Active,
            snapshot.Version,
        }, cancellationToken: cancellationToken));
    }

    public async Task<MatchResult> FindAsync(MatchRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var owner = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            database.Sql(PartnerIndexSql.SelectById), new { PartnerId = request.OwnerPartnerId }, cancellationToken: cancellationToken));
        var partners = await connection.QueryAsync<Row>(new CommandDefinition(database.Sql(PartnerIndexSql.SelectActive), cancellationToken: cancellationToken));
        return ComplementRanker.Rank(request, owner?.ToIndexed(), partners.Select(p => p.ToIndexed()));
    }

    private sealed record Row(Guid PartnerId, string Name, string Tier, string Regions, string Capabilities, bool Active)
    {
        public IndexedPartner ToIndexed() => new(PartnerId, Name, Tier,
            JsonSerializer.Deserialize<HashSet<string>>(Regions)!, JsonSerializer.Deserialize<HashSet<string>>(Capabilities)!, Active);
    }
}
