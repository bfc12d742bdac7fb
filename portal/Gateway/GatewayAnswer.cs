using System.Net;

namespace EcosystemMarket.Portal.Gateway;

/// <summary>
/// What the gateway answered: the value, or the problem (RFC 9457) it gave instead, shown where the value would have
/// been. <see cref="Errors"/> are a validation problem's messages per field; <see cref="ETag"/> the version a later
/// change sends back as If-Match.
/// </summary>
public sealed record GatewayAnswer<T>(T? Value, HttpStatusCode? Status, string? Problem, string? ETag = null,
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool Succeeded => Problem is null;

    public static GatewayAnswer<T> Unreachable(string why) => new(default, null, why);

    /// <summary>The messages of one field (camelCase, as the API names it), if the gateway refused it.</summary>
    public IReadOnlyList<string> ErrorsOf(string field) =>
        Errors is not null && Errors.TryGetValue(field, out var messages) ? messages : [];
}
