using EcosystemMarket.Data;

namespace EcosystemMarket.Brokering.Infrastructure;

internal static class SuggestionSql
{
    private const string Columns = """
        s.opportunity_id AS OpportunityId, s.partner_id AS PartnerId, s.rank AS Rank, s.score AS Score, s.reasons AS Reasons, s.suggested_at AS SuggestedAt,
        CASE WHEN EXISTS (SELECT 1 FROM invitations AS i WHERE i.opportunity_id = s.opportunity_id AND i.invitee_partner_id = s.partner_id)
            THEN 1 ELSE 0 END AS Invited
        """;

    public static readonly SqlText Upsert = new(
        Sqlite: """
            INSERT INTO opportunity_suggestions (opportunity_id, partner_id, rank, score, reasons, suggested_at)
            VALUES (@OpportunityId, @PartnerId, @Rank, @Score, @Reasons, @SuggestedAt)
            ON CONFLICT (opportunity_id, partner_id) DO UPDATE SET
                rank = excluded.rank, score = excluded.score, reasons = excluded.reasons, suggested_at = excluded.suggested_at;
            """,
        SqlServer: """
            MERGE dbo.opportunity_suggestions WITH (HOLDLOCK) AS t
            USING (SELECT @OpportunityId AS opportunity_id, @PartnerId AS partner_id) AS s
            ON t.opportunity_id = s.opportunity_id AND t.partner_id = s.partner_id
            WHEN MATCHED THEN UPDATE SET rank = @Rank, score = @Score, reasons = @Reasons, suggested_at = @SuggestedAt
            WHEN NOT MATCHED THEN INSERT (opportunity_id, partner_id, rank, score, reasons, suggested_at)
                VALUES (@OpportunityId, @PartnerId, @Rank, @Score, @Reasons, @SuggestedAt);
            """);

    // Newest first: the cursor holds the last row's time and opportunity, and the next page starts below it.
    public static readonly SqlText PageOfPartner = new(
        Sqlite: $"""
            SELECT {Columns} FROM opportunity_suggestions AS s
            WHERE s.partner_id = @PartnerId
                AND (@AfterKey IS NULL OR s.suggested_at < @AfterKey OR (s.suggested_at = @AfterKey AND s.opportunity_id < @AfterId))
            ORDER BY s.suggested_at DESC, s.opportunity_id DESC LIMIT @Take;
            """,
        SqlServer: $"""
            SELECT TOP (@Take) {Columns} FROM dbo.opportunity_suggestions AS s
            WHERE s.partner_id = @PartnerId
                AND (@AfterKey IS NULL OR s.suggested_at < @AfterKey OR (s.suggested_at = @AfterKey AND s.opportunity_id < @AfterId))
            ORDER BY s.suggested_at DESC, s.opportunity_id DESC;
            """);
}
