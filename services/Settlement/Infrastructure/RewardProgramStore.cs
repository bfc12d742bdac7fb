using System.Text.Json;
using Dapper;
using EcosystemMarket.Data;
using EcosystemMarket.Settlement.Model;

namespace EcosystemMarket.Settlement.Infrastructure;

public sealed class RewardProgramStore(Database database)
{
    private static readonly SqlText Select = SqlText.Portable("""
        SELECT vendor_id AS VendorId, name AS Name, currency AS Currency, lead_registration_bonus AS LeadRegistrationBonus,
            tier_multipliers AS TierMultipliers, holding_period_days AS HoldingPeriodDays
        FROM reward_programs WHERE vendor_id = @VendorId;
        """);

    private static readonly SqlText Upsert = new(
        Sqlite: """
            INSERT INTO reward_programs (vendor_id, name, currency, lead_registration_bonus, tier_multipliers, holding_period_days, updated_at)
            VALUES (@VendorId, @Name, @Currency, @LeadRegistrationBonus, @TierMultipliers, @HoldingPeriodDays, @UpdatedAt)
            ON CONFLICT (vendor_id) DO UPDATE SET name = excluded.name, currency = excluded.currency,
                lead_registration_bonus = excluded.lead_registration_bonus, tier_multipliers = excluded.tier_multipliers,
                holding_period_days = excluded.holding_period_days, updated_at = excluded.updated_at;
            """,
        SqlServer: """
            MERGE dbo.reward_programs WITH (HOLDLOCK) AS target
            USING (SELECT @VendorId AS vendor_id) AS source ON target.vendor_id = source.vendor_id
            WHEN MATCHED THEN UPDATE SET name = @Name, currency = @Currency, lead_registration_bonus = @LeadRegistrationBonus,
                tier_multipliers = @TierMultipliers, holding_period_days = @HoldingPeriodDays, updated_at = @UpdatedAt
            WHEN NOT MATCHED THEN INSERT (vendor_id, name, currency, lead_registration_bonus, tier_multipliers, holding_period_days, updated_at)
                VALUES (@VendorId, @Name, @Currency, @LeadRegistrationBonus, @TierMultipliers, @HoldingPeriodDays, @UpdatedAt);
            """);

    public async Task<RewardProgram?> GetAsync(string vendorId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(database.Sql(Select), new { VendorId = vendorId }, cancellationToken: cancellationToken));
        return row is null ? null : new RewardProgram(row.VendorId, row.Name, row.Currency, row.LeadRegistrationBonus,
            JsonSerializer.Deserialize<Dictionary<string, decimal>>(row.TierMultipliers)!, (int)row.HoldingPeriodDays);
    }

    public async Task SaveAsync(RewardProgram program, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(database.Sql(Upsert), new
        {
            program.VendorId, program.Name, program.Currency, program.LeadRegistrationBonus,
            TierMultipliers = JsonSerializer.Serialize(program.TierMultipliers), program.HoldingPeriodDays, UpdatedAt = now,
        }, cancellationToken: cancellationToken));
    }

    private sealed record Row(string VendorId, string Name, string Currency, decimal LeadRegistrationBonus, string TierMultipliers, long HoldingPeriodDays);
}
