using System.Text.Json;
using Dapper;
using EcosystemMarket.Data;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.ServiceDefaults.Paging;

namespace EcosystemMarket.Partners.Infrastructure;

/// <summary>Vendor blueprints and how many partners adopt each.</summary>
public sealed class BlueprintStore(Database database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>false when the vendor already published a blueprint of this name.</returns>
    public async Task<bool> PublishAsync(Blueprint blueprint, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        if (await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(BlueprintSql.InsertUnlessNameTaken), new
        {
            blueprint.Id,
            blueprint.VendorId,
            blueprint.Name,
            NameLower = blueprint.Name.ToLowerInvariant(),
            blueprint.Description,
            Capabilities = JsonSerializer.Serialize(blueprint.Capabilities, Json),
            blueprint.PublishedBy,
            blueprint.PublishedAt,
        }, unit.Transaction, cancellationToken: cancellationToken)) != 1)
        {
            return false;
        }
        unit.Audit("blueprint.published", "blueprint", blueprint.Id, vendorId: blueprint.VendorId, details: new { blueprint.Name, blueprint.Capabilities });
        await unit.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyDictionary<Guid, PublishedBlueprint>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, PublishedBlueprint>();
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<BlueprintRow>(new CommandDefinition(database.Sql(BlueprintSql.SelectByIds), 
            // Ids as text: Dapper expands a list without the Guid type handler (see PartnerRepository.GetManyAsync).
            new { Ids = ids.Select(id => id.ToString("D")).ToList() }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToPublished()).ToDictionary(b => b.Blueprint.Id);
    }

    public async Task<PublishedBlueprint?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await GetManyAsync([id], cancellationToken)).GetValueOrDefault(id);

    public async Task<IReadOnlyList<PublishedBlueprint>> PageAsync(string? vendorId, PageCursor? after, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<BlueprintRow>(new CommandDefinition(database.Sql(BlueprintSql.Page), new
        {
            VendorId = vendorId,
            AfterName = after?.Key,
            AfterId = after?.Id,
            Take = take,
        }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToPublished()).ToList();
    }

    public async Task<IReadOnlyList<BlueprintAdopter>> AdoptersAsync(Guid id, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<BlueprintAdopter>(new CommandDefinition(database.Sql(BlueprintSql.SelectAdopters),
            new { Id = id, Take = take }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Rewrites which blueprints a partner adopts, in the transaction that saves its profile.</summary>
    internal static async Task WriteAdoptionsAsync(UnitOfWork unit, Partner partner, CancellationToken cancellationToken)
    {
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(BlueprintSql.DeleteAdoptions), new { partner.Id }, unit.Transaction, cancellationToken: cancellationToken));
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(BlueprintSql.InsertAdoption),
            partner.Solutions.Select(s => s.BlueprintId).OfType<Guid>().Distinct().Select(id => new { PartnerId = partner.Id, BlueprintId = id }),
            unit.Transaction, cancellationToken: cancellationToken));
    }

    // Settable properties, not a positional record: the adopters column is computed, and its type differs between dialects.
    private sealed record BlueprintRow
    {
        public Guid Id { get; init; }
        public string VendorId { get; init; } = "";
        public string Name { get; init; } = "";
        public string Description { get; init; } = "";
        public string Capabilities { get; init; } = "[]";
        public string PublishedBy { get; init; } = "";
        public DateTimeOffset PublishedAt { get; init; }
        public long Adopters { get; init; }

        public PublishedBlueprint ToPublished() => new(
            new Blueprint(Id, VendorId, Name, Description, JsonSerializer.Deserialize<string[]>(Capabilities, Json) ?? [], PublishedBy, PublishedAt),
            (int)Adopters);
    }
}

/// <summary>A blueprint with the number of active partners that adopt it.</summary>
public sealed record PublishedBlueprint(Blueprint Blueprint, int Adopters);

public sealed record BlueprintAdopter(Guid Id, string Name);
