using System.Net;
using System.Text.RegularExpressions;

namespace EcosystemMarket.PortalTests;

/// <summary>Reads the few things the tests need out of a server-rendered page.</summary>
internal static partial class Html
{
    /// <summary>The text of the element marked <c>data-testid="<paramref name="testId"/>"</c>, or null when there is none.</summary>
    public static string? TextOf(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{Regex.Escape(testId)}\"[^>]*>([^<]*)<");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value).Trim() : null;
    }

    public static string AntiforgeryToken(string html) =>
        AntiforgeryInput().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new Xunit.Sdk.XunitException("The page has no antiforgery token.");

    public static string StylesheetHref(string html) =>
        Stylesheet().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new Xunit.Sdk.XunitException("The page links no stylesheet.");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();
}
