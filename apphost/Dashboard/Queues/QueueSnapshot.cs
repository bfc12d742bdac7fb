using System.Text.Json.Serialization;

namespace EcosystemMarket.Dashboard.Queues;

/// <summary>One queue as the management API's <c>GET /api/queues</c> lists it (the fields shown).</summary>
public sealed record QueueSnapshot(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("vhost")] string VirtualHost,
    [property: JsonPropertyName("messages_ready")] long Ready,
    [property: JsonPropertyName("messages_unacknowledged")] long Unacknowledged,
    [property: JsonPropertyName("consumers")] int Consumers,
    [property: JsonPropertyName("message_stats")] QueueMessageStats? Stats)
{
    /// <summary>MassTransit moves a message that failed all its retries to the queue's <c>_error</c> twin.</summary>
    public bool IsErrorQueue => Name.EndsWith("_error", StringComparison.Ordinal);

    public double PublishRate => Stats?.Publish?.Rate ?? 0;
    public double DeliverRate => Stats?.DeliverGet?.Rate ?? 0;
}

public sealed record QueueMessageStats(
    [property: JsonPropertyName("publish_details")] RateDetails? Publish,
    [property: JsonPropertyName("deliver_get_details")] RateDetails? DeliverGet);

public sealed record RateDetails([property: JsonPropertyName("rate")] double Rate);
