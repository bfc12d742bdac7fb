using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using EcosystemMarket.ServiceDefaults.Authentication;
using Microsoft.Extensions.Primitives;

namespace EcosystemMarket.ServiceDefaults.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> request header (Stripe's semantics): a client-chosen key under which a POST's first answer
/// is kept, so a retry with the same key gets that answer instead of running the request again.
/// </summary>
public static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    public const int MaxLength = 255;

    /// <summary>The longest caller identity stored as it is (the table's column); a longer one is stored as its hash.</summary>
    public const int MaxCallerLength = 300;

    /// <summary>One value of 1–255 printable ASCII characters (space to tilde).</summary>
    public static bool TryRead(StringValues values, out string key)
    {
        key = values.Count == 1 ? values[0] ?? "" : "";
        return values.Count == 1 && IsValid(key);
    }

    public static bool IsValid(string? key) =>
        key is { Length: > 0 and <= MaxLength } && key.All(c => c is >= ' ' and <= '~');

    /// <summary>
    /// Whose key it is: the token's subject, and the organisation it acts for when it acts for one, so two callers
    /// choosing the same key never meet. Null for an anonymous caller, whose keys are not kept.
    /// </summary>
    public static string? CallerOf(ClaimsPrincipal user)
    {
        if (user.FindFirst(ClaimNames.Subject)?.Value is not { Length: > 0 } subject)
        {
            return null;
        }
        var caller = user.FindFirst(ClaimNames.PartnerId)?.Value is { Length: > 0 } partner ? $"{subject}|{partner}" : subject;
        return caller.Length <= MaxCallerLength
            ? caller
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(caller)));
    }
}
