namespace EcosystemMarket.Partners.Model.Webhooks;

/// <summary>
/// Where a partner wants its notifications posted, which kinds (none listed: all), and the secrets that sign them.
/// Rotating the secret keeps the previous one valid for an overlap, during which both sign each request, so a
/// receiver can switch without losing a delivery.
/// </summary>
public sealed record WebhookEndpoint
{
    public const int MaxEventKinds = 20;

    public required Guid Id { get; init; }
    public required Guid PartnerId { get; init; }
    public required string Url { get; init; }
    public required IReadOnlyList<string> EventKinds { get; init; }
    public required bool Enabled { get; init; }
    public required string Secret { get; init; }
    public string? PreviousSecret { get; init; }
    public DateTimeOffset? PreviousSecretUntil { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public long Version { get; init; }

    public static WebhookEndpoint Create(Guid partnerId, string url, IReadOnlyList<string> eventKinds, bool enabled, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        PartnerId = partnerId,
        Url = url,
        EventKinds = eventKinds.Distinct(StringComparer.Ordinal).ToList(),
        Enabled = enabled,
        Secret = WebhookSignature.NewSecret(),
        CreatedAt = now,
        Version = 1,
    };

    public bool Wants(string kind) => Enabled && (EventKinds.Count == 0 || EventKinds.Contains(kind, StringComparer.Ordinal));

    /// <summary>The secrets that sign a request sent now: the current one, and the previous one during its overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is not null && PreviousSecretUntil > now ? [Secret, PreviousSecret] : [Secret];

    public WebhookEndpoint RotateSecret(DateTimeOffset now, TimeSpan overlap) => this with
    {
        Secret = WebhookSignature.NewSecret(),
        PreviousSecret = Secret,
        PreviousSecretUntil = now + overlap,
        Version = Version + 1,
    };

    public WebhookEndpoint Enable(bool enabled) => this with { Enabled = enabled, Version = Version + 1 };

    /// <returns>The kinds a request names that are not notification kinds.</returns>
    public static IReadOnlyList<string> UnknownKinds(IEnumerable<string> kinds) =>
        kinds.Where(kind => !Notifications.NotificationKinds.All.Contains(kind, StringComparer.Ordinal)).ToList();
}
