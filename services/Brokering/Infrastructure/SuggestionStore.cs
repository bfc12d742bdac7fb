using System.Text.Json;
using Dapper;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Data;
using EcosystemMarket.ServiceDefaults.Paging;

namespace EcosystemMarket.Brokering.Infrastructure;

/// <summary>Which partners were suggested for which opportunities: the latest suggestion per pair.</summary>
public sealed class SuggestionStore(Database database, OpportunityRepository opportunities)
{
    public async Task RecordAsync(IReadOnlyList<PartnerSuggestion> suggestions, CancellationToken cancellationToken)
    {
        if (suggestions.Count == 0)
        {
            return;
        }
        await using var unit = await database.BeginAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(SuggestionSql.Upsert),
            suggestions.Select(s => new { s.OpportunityId, s.PartnerId, s.Rank, s.Score, Reasons = JsonSerializer.Serialize(s.Reasons), s.SuggestedAt }),
            unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
    }

    /// <summary>The opportunities <paramref name="partnerId"/> was suggested for, newest first.</summary>
    public async Task<IReadOnlyList<SuggestedOpportunity>> PageOfPartnerAsync(Guid partnerId, PageCursor? after, int take, CancellationToken cancellationToken)
    {
        IReadOnlyList<Row> rows;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            rows = (await connection.QueryAsync<Row>(new CommandDefinition(database.Sql(SuggestionSql.PageOfPartner),
                new { PartnerId = partnerId, AfterKey = OpportunityRepository.KeyOf(after), AfterId = after?.Id ?? Guid.Empty, Take = take },
                cancellationToken: cancellationToken))).ToList();
        }
        var byId = (await opportunities.GetManyAsync(rows.Select(r => r.OpportunityId).ToList(), cancellationToken)).ToDictionary(o => o.Id);
        return rows.Where(r => byId.ContainsKey(r.OpportunityId))
            .Select(r => new SuggestedOpportunity(byId[r.OpportunityId], r.ToModel(), r.Invited))
            .ToList();
    }

    public static PageCursor CursorOf(SuggestedOpportunity s) => OpportunityRepository.CursorOf(s.Suggestion.SuggestedAt, s.Opportunity.Id);

    private sealed record Row(Guid OpportunityId, Guid PartnerId, long Rank, double Score, string Reasons, DateTimeOffset SuggestedAt, bool Invited)
    {
        public PartnerSuggestion ToModel() =>
            new(OpportunityId, PartnerId, (int)Rank, Score, JsonSerializer.Deserialize<List<string>>(Reasons) ?? [], SuggestedAt);
    }
}
