using EcosystemMarket.Portal.Gateway;

namespace EcosystemMarket.Portal.Taxonomy;

/// <summary>One capability code of the taxonomy, with what people call it and the other words they use for it.</summary>
public sealed record CapabilityOption(string Code, string Name, IReadOnlyList<string> Synonyms)
{
    public string Label => $"{Name} ({Code})";

    /// <summary>How well a search term matches: by name, code or synonym, word starts first. Null: no match.</summary>
    public int? Rank(string term)
    {
        if (term.Length == 0)
        {
            return 3;
        }
        if (Name.StartsWith(term, StringComparison.OrdinalIgnoreCase) || Code.StartsWith(term, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }
        if (Synonyms.Any(s => s.StartsWith(term, StringComparison.OrdinalIgnoreCase)))
        {
            return 1;
        }
        return Name.Contains(term, StringComparison.OrdinalIgnoreCase) || Code.Contains(term, StringComparison.OrdinalIgnoreCase)
            || Synonyms.Any(s => s.Contains(term, StringComparison.OrdinalIgnoreCase))
            ? 2
            : null;
    }
}

/// <summary>
/// The capability taxonomy as the directory serves it (<c>GET /api/partners/capabilities</c>), read once per page
/// (administrators may add codes) and searched here, by name, code or synonym.
/// </summary>
public sealed class CapabilityTaxonomy(GatewayClient gateway)
{
    private GatewayAnswer<IReadOnlyList<CapabilityOption>>? _answer;

    public async Task<GatewayAnswer<IReadOnlyList<CapabilityOption>>> ReadAsync(CancellationToken cancellationToken) =>
        _answer is { Succeeded: true } known ? known : _answer = await gateway.GetAsync<IReadOnlyList<CapabilityOption>>("api/partners/capabilities", cancellationToken);

    public async Task<IReadOnlyList<CapabilityOption>> SearchAsync(string term, int limit, CancellationToken cancellationToken)
    {
        var codes = (await ReadAsync(cancellationToken)).Value ?? [];
        term = term.Trim();
        return codes.Select(c => (Option: c, Rank: c.Rank(term)))
            .Where(m => m.Rank is not null)
            .OrderBy(m => m.Rank).ThenBy(m => m.Option.Code.Count(ch => ch == '.')).ThenBy(m => m.Option.Name, StringComparer.OrdinalIgnoreCase)
            .Take(limit)
            .Select(m => m.Option)
            .ToList();
    }

    public async Task<string> NameOfAsync(string code, CancellationToken cancellationToken) =>
        (await ReadAsync(cancellationToken)).Value?.FirstOrDefault(c => c.Code == code)?.Name ?? code;
}
