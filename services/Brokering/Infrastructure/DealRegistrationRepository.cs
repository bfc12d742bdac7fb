using System.Text.Json;
using Dapper;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Data;

namespace EcosystemMarket.Brokering.Infrastructure;

public sealed class DealRegistrationRepository(Database database)
{
    public Task<UnitOfWork> BeginAsync(CancellationToken cancellationToken) => database.BeginAsync(cancellationToken);

    public async Task<DealRegistration?> LastAsync(UnitOfWork unit, CancellationToken cancellationToken) =>
        (await unit.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(unit.Sql(DealRegistrationSql.SelectLast),
            transaction: unit.Transaction, cancellationToken: cancellationToken)))?.ToModel();

    public async Task<IReadOnlyList<DealRegistration>> SameCustomerAsync(UnitOfWork unit, string vendorId, string customerKey, CancellationToken cancellationToken) =>
        await QueryAsync(unit, DealRegistrationSql.SelectSameCustomer, new { VendorId = vendorId, CustomerKey = customerKey }, cancellationToken);

    /// <summary>The customers of other partners' opportunities this partner was invited to, with whose they are.</summary>
    public async Task<IReadOnlyList<InvitedCustomer>> InvitedCustomersAsync(UnitOfWork unit, Guid partnerId, CancellationToken cancellationToken) =>
        (await unit.Connection.QueryAsync<InvitedCustomer>(new CommandDefinition(unit.Sql(DealRegistrationSql.SelectInvitedCustomers),
            new { PartnerId = partnerId }, unit.Transaction, cancellationToken: cancellationToken))).ToList();

    /// <summary>The owner's first protected registration of this opportunity, if it registered it.</summary>
    public async Task<DealRegistration?> ProtectedOfOpportunityAsync(UnitOfWork unit, Guid opportunityId, Guid ownerPartnerId, CancellationToken cancellationToken) =>
        (await QueryAsync(unit, DealRegistrationSql.SelectProtectedOfOpportunity, new { OpportunityId = opportunityId, OwnerPartnerId = ownerPartnerId }, cancellationToken))
            .FirstOrDefault();

    public async Task InsertAsync(UnitOfWork unit, DealRegistration registration, CancellationToken cancellationToken)
    {
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(DealRegistrationSql.Insert), Row.From(registration), unit.Transaction, cancellationToken: cancellationToken));
        // The customer's name stays out of the log: it is the registrant's secret, and the vendor reads this entry too.
        unit.Audit("deal-registration.registered", "deal-registration", registration.Id, [registration.RegistrantPartnerId], registration.VendorId,
            new { registration.Sequence, registration.OpportunityId, registration.Protected, registration.ConflictsWithId, registration.Poaching, registration.Hash });
    }

    public async Task<DealRegistration?> GetAsync(UnitOfWork unit, Guid id, CancellationToken cancellationToken) =>
        (await QueryAsync(unit, DealRegistrationSql.SelectById, new { Id = id }, cancellationToken)).SingleOrDefault();

    public async Task<DealRegistration?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await ReadAsync(DealRegistrationSql.SelectById, new { Id = id }, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<DealRegistration>> OfRegistrantAsync(Guid partnerId, CancellationToken cancellationToken) =>
        ReadAsync(DealRegistrationSql.SelectOfRegistrant, new { PartnerId = partnerId }, cancellationToken);

    public Task<IReadOnlyList<DealRegistration>> OfVendorAsync(string vendorId, CancellationToken cancellationToken) =>
        ReadAsync(DealRegistrationSql.SelectOfVendor, new { VendorId = vendorId }, cancellationToken);

    public Task<IReadOnlyList<DealRegistration>> ChainAsync(CancellationToken cancellationToken) =>
        ReadAsync(DealRegistrationSql.SelectChain, null, cancellationToken);

    private async Task<IReadOnlyList<DealRegistration>> ReadAsync(SqlText sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Row>(new CommandDefinition(database.Sql(sql), parameters, cancellationToken: cancellationToken))).Select(r => r.ToModel()).ToList();
    }

    private static async Task<IReadOnlyList<DealRegistration>> QueryAsync(UnitOfWork unit, SqlText sql, object parameters, CancellationToken cancellationToken) =>
        (await unit.Connection.QueryAsync<Row>(new CommandDefinition(unit.Sql(sql), parameters, unit.Transaction, cancellationToken: cancellationToken)))
            .Select(r => r.ToModel()).ToList();

    private sealed record Row(Guid Id, long Sequence, string VendorId, Guid RegistrantPartnerId, Guid? OpportunityId, string CustomerName,
        string CustomerKey, string Scope, DateTimeOffset RegisteredAt, DateTimeOffset ProtectedUntil, bool IsProtected, Guid? ConflictsWithId,
        bool Poaching, string PreviousHash, string Hash)
    {
        public static Row From(DealRegistration r) => new(r.Id, r.Sequence, r.VendorId, r.RegistrantPartnerId, r.OpportunityId, r.CustomerName,
            r.CustomerKey, JsonSerializer.Serialize(r.Scope), r.RegisteredAt, r.ProtectedUntil, r.Protected, r.ConflictsWithId, r.Poaching, r.PreviousHash, r.Hash);

        public DealRegistration ToModel() => new()
        {
            Id = Id, Sequence = Sequence, VendorId = VendorId, RegistrantPartnerId = RegistrantPartnerId, OpportunityId = OpportunityId,
            CustomerName = CustomerName, CustomerKey = CustomerKey, Scope = JsonSerializer.Deserialize<string[]>(Scope)!,
            RegisteredAt = RegisteredAt, ProtectedUntil = ProtectedUntil, Protected = IsProtected, ConflictsWithId = ConflictsWithId,
            Poaching = Poaching, PreviousHash = PreviousHash.Trim(), Hash = Hash.Trim(),
        };
    }
}
