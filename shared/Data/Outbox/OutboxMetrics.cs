using System.Diagnostics.Metrics;

namespace EcosystemMarket.Data.Outbox;

/// <summary>
/// The outbox's instruments on the <c>EcosystemMarket.Outbox</c> meter, tagged with the message type's short name
/// (<c>message_type</c>): <c>outbox.messages.published</c> counts publishes the broker confirmed;
/// <c>outbox.messages.parked</c> counts rows given up after <see cref="OutboxOptions.MaxAttempts"/> failures, which
/// wait for someone to look at their <c>last_error</c> (an alert on any increase is the intended use).
/// </summary>
public static class OutboxMetrics
{
    public const string MeterName = "EcosystemMarket.Outbox";
    public const string MessageTypeTag = "message_type";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Published = Meter.CreateCounter<long>("outbox.messages.published", "{message}", "Outbox messages the broker confirmed");

    public static readonly Counter<long> Parked = Meter.CreateCounter<long>("outbox.messages.parked", "{message}", "Outbox messages no longer dispatched after too many failures");
}
