using Dapper;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Data;
using EcosystemMarket.ServiceDefaults.Paging;

namespace EcosystemMarket.Brokering.Infrastructure;

/// <summary>The named owners of one-on-one relationships, per (vendor program, partner).</summary>
public sealed class RelationshipOwnerStore(Database database)
{
    public async Task<RelationshipOwners> GetAsync(string vendorId, Guid partnerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<RelationshipOwners>(new CommandDefinition(database.Sql(RelationshipOwnerSql.Select),
            new { VendorId = vendorId, PartnerId = partnerId }, cancellationToken: cancellationToken)) ?? RelationshipOwners.None(vendorId, partnerId);
    }

    /// <summary>Names the owner on <paramref name="side"/> and returns both sides as they now stand.</summary>
    public async Task<RelationshipOwners> NameAsync(string vendorId, Guid partnerId, RelationshipSide side, string name, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using (var unit = await database.BeginAsync(cancellationToken))
        {
            var sql = side == RelationshipSide.Vendor ? RelationshipOwnerSql.UpsertVendorOwner : RelationshipOwnerSql.UpsertPartnerOwner;
            await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(sql),
                new { VendorId = vendorId, PartnerId = partnerId, Name = name, UpdatedAt = now }, unit.Transaction, cancellationToken: cancellationToken));
            unit.Audit("relationship.owner-named", "relationship", $"{vendorId}/{partnerId}", [partnerId], vendorId, new { Side = side, Name = name });
            await unit.CommitAsync(cancellationToken);
        }
        return await GetAsync(vendorId, partnerId, cancellationToken);
    }

    /// <summary>The program's relationships with a named owner on either side, by partner id.</summary>
    public async Task<IReadOnlyList<RelationshipOwners>> PageOfVendorAsync(string vendorId, PageCursor? after, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<RelationshipOwners>(new CommandDefinition(database.Sql(RelationshipOwnerSql.PageOfVendor),
            new { VendorId = vendorId, After = after?.Id, Take = take }, cancellationToken: cancellationToken))).ToList();
    }

    public static PageCursor CursorOf(RelationshipOwners owners) => new("", owners.PartnerId);
}
