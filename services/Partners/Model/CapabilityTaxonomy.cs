using System.Text.Json;

namespace EcosystemMarket.Partners.Model;

/// <summary>
/// The capability codes partners may advertise: the ones shipped in <c>Taxonomy/capabilities.json</c>
/// plus the ones administrators added. Codes are hierarchical; <c>storage.backup</c> is a kind of <c>storage</c>.
/// </summary>
public sealed class CapabilityTaxonomy
{
    public const string BuiltinResource = "Taxonomy/capabilities.json";

    private static readonly Lazy<CapabilityTaxonomy> LazyBuiltin = new(() => new CapabilityTaxonomy(LoadBuiltinFile()));

    private readonly Dictionary<string, CapabilityCode> _byCode = new(StringComparer.Ordinal);

    /// <summary>When the same code comes twice, the first wins: a code an admin added stays as shipped once a release ships it too.</summary>
    public CapabilityTaxonomy(IEnumerable<CapabilityCode> codes)
    {
        foreach (var code in codes)
        {
            _byCode.TryAdd(code.Code, code);
        }
        Codes = _byCode.Values.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
    }

    public static CapabilityTaxonomy Builtin => LazyBuiltin.Value;

    public IReadOnlyList<CapabilityCode> Codes { get; }

    public bool Contains(string code) => _byCode.ContainsKey(code);

    public CapabilityTaxonomy With(IEnumerable<CapabilityCode> added) => new(Codes.Concat(added));

    public static string? ParentOf(string code) => code.LastIndexOf('.') is var dot and > 0 ? code[..dot] : null;

    public static string LastSegmentOf(string code) => code[(code.LastIndexOf('.') + 1)..];

    /// <summary>True for the code itself and every code under it: <c>storage.backup.immutable</c> is within <c>storage</c>.</summary>
    public static bool IsWithin(string code, string ancestor) =>
        code == ancestor || (code.Length > ancestor.Length && code[ancestor.Length] == '.' && code.StartsWith(ancestor, StringComparison.Ordinal));

    /// <summary>The entries of the shipped file as written, duplicates included, so that a test can find them.</summary>
    public static IReadOnlyList<CapabilityCode> LoadBuiltinFile()
    {
        using var stream = typeof(CapabilityTaxonomy).Assembly.GetManifestResourceStream(BuiltinResource)
            ?? throw new InvalidOperationException($"The capability taxonomy {BuiltinResource} is not embedded in the Partners assembly.");
        return JsonSerializer.Deserialize<List<CapabilityCode>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"{BuiltinResource} is empty.");
    }
}
