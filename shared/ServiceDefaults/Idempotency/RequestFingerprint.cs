using System.Security.Cryptography;

namespace EcosystemMarket.ServiceDefaults.Idempotency;

/// <summary>
/// What a key's request was: method, path with query, and the SHA-256 of the body as sent. A retry must match all three;
/// the body is compared byte for byte, as a retry resends the same bytes.
/// </summary>
public sealed record RequestFingerprint(string Method, string Path, string BodyHash)
{
    public static RequestFingerprint Of(string method, string pathAndQuery, ReadOnlySpan<byte> body) =>
        new(method.ToUpperInvariant(), pathAndQuery, HashOf(body));

    public static string HashOf(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>Hashes a body as it is read, without holding it all at once.</summary>
    public static async Task<string> HashOfAsync(Stream body, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
