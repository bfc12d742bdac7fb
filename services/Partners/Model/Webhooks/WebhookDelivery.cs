namespace EcosystemMarket.Partners.Model.Webhooks;

/// <summary>
/// One notification's way to one endpoint. <see cref="EventId"/> (the notification's id) is its <c>webhook-id</c>, the
/// same on every attempt and replay, so the receiver deduplicates; <see cref="Payload"/> is fixed when the delivery is
/// made, so every attempt signs the same body.
/// </summary>
public sealed record WebhookDelivery
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    public required Guid Id { get; init; }
    public required Guid EndpointId { get; init; }
    public required Guid PartnerId { get; init; }
    public required Guid EventId { get; init; }
    public required string EventType { get; init; }
    public required string Payload { get; init; }
    public required string State { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    public int? LastStatusCode { get; init; }
    public string? LastError { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public long Sequence { get; init; }

    public static WebhookDelivery Due(Guid endpointId, Guid partnerId, Guid eventId, string eventType, string payload, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        EndpointId = endpointId,
        PartnerId = partnerId,
        EventId = eventId,
        EventType = eventType,
        Payload = payload,
        State = Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    /// <summary>A replay: the same event and body sent again now, as a delivery of its own in the log.</summary>
    public WebhookDelivery Replay(DateTimeOffset now) => Due(EndpointId, PartnerId, EventId, EventType, Payload, now);
}
