using System.Text.Json;
using Dapper;
using EcosystemMarket.Contracts;
using EcosystemMarket.Data;
using EcosystemMarket.Partners.Model;

namespace EcosystemMarket.Partners.Infrastructure;

/// <summary>
/// The capability taxonomy in force: the shipped codes merged with those administrators added (capability_codes).
/// Each replica caches it. A code added through another replica is not in this replica's cache yet, so a code
/// the cache does not know sends it back to the table once before the code is rejected.
/// </summary>
public sealed class CapabilityCatalog(Database database, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private volatile CapabilityTaxonomy? _cached;

    public async Task<CapabilityTaxonomy> CurrentAsync(CancellationToken cancellationToken) =>
        _cached ?? await RefreshAsync(cancellationToken);

    /// <summary>The taxonomy, reloaded first when it does not know one of these well-formed codes.</summary>
    public async Task<CapabilityTaxonomy> KnowingAsync(IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var taxonomy = await CurrentAsync(cancellationToken);
        return codes.All(code => !CodeFormats.IsCapability(code) || taxonomy.Contains(code))
            ? taxonomy
            : await RefreshAsync(cancellationToken);
    }

    public async Task<CapabilityTaxonomy> RefreshAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AddedCodeRow>(new CommandDefinition(database.Sql(CapabilitySql.SelectAdded), cancellationToken: cancellationToken));
        var taxonomy = CapabilityTaxonomy.Builtin.With(rows.Select(r =>
            new CapabilityCode(r.Code, r.Name, JsonSerializer.Deserialize<string[]>(r.Synonyms, Json) ?? [])));
        _cached = taxonomy;
        return taxonomy;
    }

    /// <returns>false when the code exists already (shipped, or added by someone else first).</returns>
    public async Task<bool> AddAsync(CapabilityCode code, string addedBy, CancellationToken cancellationToken)
    {
        if ((await RefreshAsync(cancellationToken)).Contains(code.Code))
        {
            return false;
        }
        int inserted;
        await using (var unit = await database.BeginAsync(cancellationToken))
        {
            inserted = await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(CapabilitySql.InsertUnlessExists), new
            {
                code.Code,
                code.Name,
                Synonyms = JsonSerializer.Serialize(code.Synonyms, Json),
                AddedBy = addedBy,
                AddedAt = clock.GetUtcNow(),
            }, unit.Transaction, cancellationToken: cancellationToken));
            if (inserted == 1)
            {
                unit.Audit("capability.added", "capability", code.Code, details: new { code.Name, code.Synonyms });
                await unit.CommitAsync(cancellationToken);
            }
        }
        await RefreshAsync(cancellationToken);
        return inserted == 1;
    }

    private sealed record AddedCodeRow(string Code, string Name, string Synonyms);
}
