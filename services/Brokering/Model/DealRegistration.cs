using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EcosystemMarket.Brokering.Model;

public sealed record DealRegistration
{
    public required Guid Id { get; init; }
    public required long Sequence { get; init; }
    public required string VendorId { get; init; }
    public required Guid RegistrantPartnerId { get; init; }
    public required Guid? OpportunityId { get; init; }
    public required string CustomerName { get; init; }
    public required string CustomerKey { get; init; }
    public required IReadOnlyList<string> Scope { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
    public required DateTimeOffset ProtectedUntil { get; init; }
    public required bool Protected { get; init; }
    public required Guid? ConflictsWithId { get; init; }
    public required bool Poaching { get; init; }
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }

    /// <summary>
    /// The registration's content in one canonical line: what the hash covers, so neither its time nor its
    /// content can change without breaking the chain from that record on.
    /// </summary>
    public string CanonicalContent() => string.Join('|',
        Id.ToString("N"), Sequence.ToString(CultureInfo.InvariantCulture), VendorId, RegistrantPartnerId.ToString("N"),
        OpportunityId?.ToString("N") ?? "", CustomerKey, string.Join(',', Scope.Order(StringComparer.Ordinal)),
        RegisteredAt.UtcTicks.ToString(CultureInfo.InvariantCulture), ProtectedUntil.UtcTicks.ToString(CultureInfo.InvariantCulture),
        Protected ? "protected" : "conflict", ConflictsWithId?.ToString("N") ?? "", Poaching ? "poaching" : "");

    public static string HashOf(string previousHash, string canonicalContent) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + canonicalContent)));

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";
}
