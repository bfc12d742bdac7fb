using System.Text.RegularExpressions;

namespace EcosystemMarket.Contracts;

/// <summary>The shapes of the codes that travel between services, checked the same way wherever they enter.</summary>
public static partial class CodeFormats
{
    /// <summary>Hierarchical, lower-case: <c>storage</c>, <c>storage.backup</c>, <c>networking.sd-wan</c>.</summary>
    public static bool IsCapability(string? code) => code is { Length: <= 100 } && Capability().IsMatch(code);

    /// <summary>ISO 3166-1 alpha-2: <c>US</c>, <c>DE</c>.</summary>
    public static bool IsRegion(string? code) => code is not null && Region().IsMatch(code);

    /// <summary>A vendor's program: lower-case letters, digits and dashes, such as <c>acme-cloud</c>.</summary>
    public static bool IsVendor(string? code) => code is { Length: <= 100 } && Vendor().IsMatch(code);

    /// <summary>An ISO 4217 alphabetic code in active use (<see cref="Iso4217.ActiveCodes"/>): <c>USD</c>, <c>EUR</c>; not <c>ABC</c> nor <c>usd</c>.</summary>
    public static bool IsCurrency(string? code) => code is not null && Iso4217.ActiveCodes.Contains(code);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*\\z")]
    private static partial Regex Capability();

    [GeneratedRegex("^[A-Z]{2}\\z")]
    private static partial Regex Region();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*\\z")]
    private static partial Regex Vendor();
}
