using System.Text.Json;
using EcosystemMarket.Partners.Model.Notifications;

namespace EcosystemMarket.Partners.Model.Webhooks;

/// <summary>The JSON body of a webhook request: the notification as an event a partner's system reads.</summary>
public sealed record WebhookEvent(Guid Id, string Type, DateTimeOffset OccurredAt, Guid PartnerId, WebhookEventData Data)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static WebhookEvent Of(Notification notification) => new(notification.Id, notification.Kind, notification.OccurredAt, notification.PartnerId,
        new WebhookEventData(notification.SubjectId, notification.Title, notification.Text, notification.Link, notification.SourceEventId));

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary><see cref="SubjectId"/> is the invitation, opportunity, payout, registration or alliance it is about.</summary>
public sealed record WebhookEventData(Guid SubjectId, string Title, string Text, string Link, Guid SourceEventId);
