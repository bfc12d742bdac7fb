using System.Text.Json;
using Dapper;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Data;
using EcosystemMarket.ServiceDefaults;

namespace EcosystemMarket.Brokering.Infrastructure;

/// <summary>Each vendor program's management settings, saved from the version they were read at.</summary>
public sealed class ProgramManagementStore(Database database)
{
    /// <summary>The program's settings, or the defaults (version 0) when its vendor never set any.</summary>
    public async Task<ProgramManagement> GetAsync(string vendorId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(database.Sql(ProgramManagementSql.Select),
            new { VendorId = vendorId }, cancellationToken: cancellationToken));
        return row?.ToModel() ?? ProgramManagement.Default(vendorId);
    }

    /// <returns>false when the settings moved on from <paramref name="expectedVersion"/> meanwhile.</returns>
    public async Task<bool> SaveAsync(ProgramManagement changed, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        var parameters = new
        {
            changed.VendorId,
            CategoryModes = JsonSerializer.Serialize(changed.CategoryModes),
            changed.SlaResponseHours,
            changed.SupportContact,
            changed.Version,
            changed.UpdatedAt,
            ExpectedVersion = expectedVersion,
        };
        var sql = expectedVersion == 0 ? ProgramManagementSql.InsertUnlessExists : ProgramManagementSql.UpdateFromVersion;
        if (await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(sql), parameters, unit.Transaction, cancellationToken: cancellationToken)) != 1)
        {
            return false;
        }
        unit.Audit("program.management-changed", "program", changed.VendorId, vendorId: changed.VendorId,
            details: new { changed.CategoryModes, changed.SlaResponseHours, changed.SupportContact, changed.Version });
        await unit.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The program's invitations made in the period under an SLA, newest first.</summary>
    public async Task<IReadOnlyList<SlaInvitation>> SlaInvitationsAsync(string vendorId, ReportingPeriod period, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SlaInvitationRow>(new CommandDefinition(database.Sql(ProgramManagementSql.SelectSlaInvitations),
            new { VendorId = vendorId, From = period.Start, To = period.End }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToModel()).ToList();
    }

    private sealed record Row(string VendorId, string CategoryModes, long SlaResponseHours, string? SupportContact, long Version, DateTimeOffset UpdatedAt)
    {
        public ProgramManagement ToModel() => new(VendorId, JsonSerializer.Deserialize<Dictionary<string, string>>(CategoryModes) ?? [], (int)SlaResponseHours,
            SupportContact, Version, UpdatedAt);
    }

    private sealed record SlaInvitationRow(Guid Id, Guid OpportunityId, Guid InviteePartnerId, string Status, DateTimeOffset AcceptBy, DateTimeOffset CreatedAt,
        DateTimeOffset? RespondedAt, DateTimeOffset SlaDueAt)
    {
        public SlaInvitation ToModel() => new(Id, OpportunityId, InviteePartnerId, Enum.Parse<InvitationStatus>(Status), CreatedAt, AcceptBy, RespondedAt, SlaDueAt);
    }
}
