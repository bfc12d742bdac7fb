using Dapper;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Data;

namespace EcosystemMarket.Brokering.Infrastructure;

/// <summary>Vendors' decisions on registrations, kept apart from the hash-chained records, which never change.</summary>
public sealed class VendorDecisionStore(Database database)
{
    public async Task<VendorDecision?> OfAsync(UnitOfWork unit, Guid registrationId, CancellationToken cancellationToken) =>
        (await unit.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(unit.Sql(VendorDecisionSql.SelectOf),
            new { RegistrationId = registrationId }, unit.Transaction, cancellationToken: cancellationToken)))?.ToModel();

    public async Task<VendorDecision?> OfAsync(Guid registrationId, CancellationToken cancellationToken) =>
        (await ReadAsync(VendorDecisionSql.SelectOf, new { RegistrationId = registrationId }, cancellationToken)).GetValueOrDefault(registrationId);

    /// <summary>The decisions a vendor made, by registration.</summary>
    public Task<IReadOnlyDictionary<Guid, VendorDecision>> OfVendorAsync(string vendorId, CancellationToken cancellationToken) =>
        ReadAsync(VendorDecisionSql.SelectOfVendor, new { VendorId = vendorId }, cancellationToken);

    /// <summary>The decisions on a partner's registrations, by registration.</summary>
    public Task<IReadOnlyDictionary<Guid, VendorDecision>> OfRegistrantAsync(Guid partnerId, CancellationToken cancellationToken) =>
        ReadAsync(VendorDecisionSql.SelectOfRegistrant, new { PartnerId = partnerId }, cancellationToken);

    /// <summary>Records the decision; a second decision on one registration breaks the key (<see cref="StoreErrors.IsUniqueViolation"/>).</summary>
    public async Task InsertAsync(UnitOfWork unit, VendorDecision decision, Guid registrant, CancellationToken cancellationToken)
    {
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(VendorDecisionSql.Insert),
            new { decision.RegistrationId, decision.VendorId, Decision = decision.Name, decision.Reason, decision.DecidedAt },
            unit.Transaction, cancellationToken: cancellationToken));
        unit.Audit($"deal-registration.{decision.Name}", "deal-registration", decision.RegistrationId, [registrant], decision.VendorId, new { decision.Reason });
    }

    private async Task<IReadOnlyDictionary<Guid, VendorDecision>> ReadAsync(SqlText sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Row>(new CommandDefinition(database.Sql(sql), parameters, cancellationToken: cancellationToken)))
            .Select(r => r.ToModel()).ToDictionary(d => d.RegistrationId);
    }

    private sealed record Row(Guid RegistrationId, string VendorId, string Decision, string? Reason, DateTimeOffset DecidedAt)
    {
        public VendorDecision ToModel() => new(RegistrationId, VendorId, Decision == VendorDecision.ApprovedName, Reason, DecidedAt);
    }
}
