using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.ServiceDefaults.Problems;

/// <summary>
/// Conditional requests (RFC 9110, RFC 6585): a PUT replaces what it names, so it must say which version it replaces
/// (<c>If-Match</c>) or that it creates (<c>If-None-Match: *</c>); without either it could overwrite a change it never saw.
/// ETags are an aggregate's version in quotes.
/// </summary>
public static class Preconditions
{
    public const string IfMatch = "If-Match";
    public const string IfNoneMatch = "If-None-Match";

    public static string ETagOf(long version) => $"\"{version}\"";

    /// <summary>Reads an ETag this API returned (weak or strong, quoted or not) as the version it names.</summary>
    public static bool TryReadVersion(string? etag, out long version)
    {
        version = 0;
        var value = etag?.Trim();
        if (value is null)
        {
            return false;
        }
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }
        return long.TryParse(value.Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out version);
    }

    /// <summary>428 Precondition Required, naming the header the request lacks.</summary>
    public static ProblemHttpResult Required(string header, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: $"This request needs an {header} header.", detail: detail,
            extensions: new Dictionary<string, object?> { ["header"] = header });

    /// <summary>412 Precondition Failed: what the request was conditional on no longer holds.</summary>
    public static ProblemHttpResult Failed(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: title, detail: detail);
}
