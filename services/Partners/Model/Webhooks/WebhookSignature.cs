using System.Security.Cryptography;
using System.Text;

namespace EcosystemMarket.Partners.Model.Webhooks;

/// <summary>
/// Signs and verifies webhook requests the Standard Webhooks way: <c>webhook-signature</c> is
/// <c>v1,</c> + base64(HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}")), one per secret, space-separated,
/// where a secret is <c>whsec_</c> + base64(key). A receiver accepts when any signature matches any secret it holds and
/// the timestamp is recent (so a captured request cannot be replayed later).
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public const string SecretPrefix = "whsec_";

    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string id, long timestamp, string body, IEnumerable<string> secrets) =>
        string.Join(' ', secrets.Select(secret => "v1," + Convert.ToBase64String(Mac(id, timestamp, body, secret))));

    public static bool Verify(string id, string timestamp, string body, string signatures, string secret, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (!long.TryParse(timestamp, out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > (tolerance ?? DefaultTolerance))
        {
            return false;
        }
        var expected = Mac(id, seconds, body, secret);
        return signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(signature => signature.StartsWith("v1,", StringComparison.Ordinal))
            .Select(signature => TryBase64(signature[3..]))
            .Any(mac => mac is not null && CryptographicOperations.FixedTimeEquals(mac, expected));
    }

    private static byte[] Mac(string id, long timestamp, string body, string secret) =>
        HMACSHA256.HashData(Key(secret), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));

    private static byte[] Key(string secret) =>
        Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
