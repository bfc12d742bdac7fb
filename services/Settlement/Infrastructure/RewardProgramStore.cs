using System.Data.Common;
using System.Text.Json;
using Dapper;
using EcosystemMarket.Data;
using EcosystemMarket.Settlement.Model;

namespace EcosystemMarket.Settlement.Infrastructure;

/// <summary>A program as stored, with the version that is its ETag.</summary>
public sealed record StoredProgram(RewardProgram Program, long Version);

public sealed class RewardProgramStore(Database database)
{
    private static readonly SqlText Select = SqlText.Portable("""
        SELECT vendor_id AS VendorId, name AS Name, currency AS Currency, lead_registration_bonus AS LeadRegistrationBonus,
            tier_multipliers AS TierMultipliers, holding_period_days AS HoldingPeriodDays, version AS Version
        FROM reward_programs WHERE vendor_id = @VendorId;
        """);

    private static readonly SqlText InsertUnlessExists = SqlText.Portable("""
        INSERT INTO reward_programs (vendor_id, name, currency, lead_registration_bonus, tier_multipliers, holding_period_days, updated_at, version)
        SELECT @VendorId, @Name, @Currency, @LeadRegistrationBonus, @TierMultipliers, @HoldingPeriodDays, @UpdatedAt, 1
        WHERE NOT EXISTS (SELECT 1 FROM reward_programs WHERE vendor_id = @VendorId);
        """);

    private static readonly SqlText UpdateIfVersion = SqlText.Portable("""
        UPDATE reward_programs SET name = @Name, currency = @Currency, lead_registration_bonus = @LeadRegistrationBonus,
            tier_multipliers = @TierMultipliers, holding_period_days = @HoldingPeriodDays, updated_at = @UpdatedAt, version = version + 1
        WHERE vendor_id = @VendorId AND version = @ExpectedVersion;
        """);

    public async Task<RewardProgram?> GetAsync(string vendorId, CancellationToken cancellationToken) =>
        (await GetWithVersionAsync(vendorId, cancellationToken))?.Program;

    public async Task<StoredProgram?> GetWithVersionAsync(string vendorId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(database.Sql(Select), new { VendorId = vendorId }, cancellationToken: cancellationToken));
        return row is null ? null : new StoredProgram(new RewardProgram(row.VendorId, row.Name, row.Currency, row.LeadRegistrationBonus,
            JsonSerializer.Deserialize<Dictionary<string, decimal>>(row.TierMultipliers)!, (int)row.HoldingPeriodDays), row.Version);
    }

    /// <returns>False when the vendor has a program already.</returns>
    public async Task<bool> CreateAsync(RewardProgram program, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(InsertUnlessExists, Parameters(program, now, expectedVersion: 0), "reward-program.created", program, cancellationToken) == 1;
        }
        catch (DbException) when (!cancellationToken.IsCancellationRequested)
        {
            // Created by a concurrent request between NOT EXISTS and INSERT (SQL Server replicas): the primary key refused ours.
            if (await GetWithVersionAsync(program.VendorId, cancellationToken) is not null)
            {
                return false;
            }
            throw;
        }
    }

    /// <returns>The new version, or null when the program is missing or no longer at <paramref name="expectedVersion"/>.</returns>
    public async Task<long?> UpdateAsync(RewardProgram program, long expectedVersion, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(UpdateIfVersion, Parameters(program, now, expectedVersion), "reward-program.updated", program, cancellationToken) == 1 ? expectedVersion + 1 : null;

    private async Task<int> ExecuteAsync(SqlText sql, object parameters, string action, RewardProgram program, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        var changed = await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(sql), parameters, unit.Transaction, cancellationToken: cancellationToken));
        if (changed == 1)
        {
            unit.Audit(action, "reward-program", program.VendorId, vendorId: program.VendorId, details: program);
        }
        await unit.CommitAsync(cancellationToken);
        return changed;
    }

    private static object Parameters(RewardProgram program, DateTimeOffset now, long expectedVersion) => new
    {
        program.VendorId, program.Name, program.Currency, program.LeadRegistrationBonus,
        TierMultipliers = JsonSerializer.Serialize(program.TierMultipliers), program.HoldingPeriodDays, UpdatedAt = now, ExpectedVersion = expectedVersion,
    };

    private sealed record Row(string VendorId, string Name, string Currency, decimal LeadRegistrationBonus, string TierMultipliers, long HoldingPeriodDays, long Version);
}
