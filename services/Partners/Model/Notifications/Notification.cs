namespace EcosystemMarket.Partners.Model.Notifications;

/// <summary>
/// Something a partner is told. <see cref="SubjectId"/> is what it is about (an invitation, an opportunity, a payout, a
/// registration, an alliance): a partner is told of one kind of thing about one subject once, however often the fact
/// that caused it arrives. Never names the customer: the events it comes from do not carry it.
/// </summary>
public sealed record Notification
{
    public required Guid Id { get; init; }
    public required Guid PartnerId { get; init; }
    public required string Kind { get; init; }
    public required Guid SubjectId { get; init; }
    public required string Title { get; init; }
    public required string Text { get; init; }

    /// <summary>A path of the portal where the partner acts on it.</summary>
    public required string Link { get; init; }

    /// <summary>The integration event's message id (or, for a reminder, the invitation's id).</summary>
    public required Guid SourceEventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset? ReadAt { get; init; }
}
