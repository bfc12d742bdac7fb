using System.Globalization;
using EcosystemMarket.Portal.Deals;
using EcosystemMarket.Portal.Gateway;

namespace EcosystemMarket.Portal.Notifications;

/// <summary>The signed-in partner's notifications and webhook endpoints, as the gateway serves them.</summary>
public sealed class NotificationsApi(GatewayClient gateway)
{
    public const int PageSize = 25;

    public Task<GatewayAnswer<PageJson<NotificationJson>>> NotificationsAsync(string? cursor, CancellationToken cancellationToken) =>
        gateway.GetAsync<PageJson<NotificationJson>>(GatewayClient.With("api/notifications", ("limit", PageSize.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor)),
            cancellationToken);

    public Task<GatewayAnswer<UnreadCountJson>> UnreadCountAsync(CancellationToken cancellationToken) =>
        gateway.GetAsync<UnreadCountJson>("api/notifications/unread-count", cancellationToken);

    public Task<GatewayAnswer<NotificationJson>> MarkReadAsync(Guid id, CancellationToken cancellationToken) =>
        gateway.PostAsync<NotificationJson>($"api/notifications/{id}/read", null, cancellationToken);

    public Task<GatewayAnswer<MarkedReadJson>> MarkAllReadAsync(CancellationToken cancellationToken) =>
        gateway.PostAsync<MarkedReadJson>("api/notifications/read-all", null, cancellationToken);

    public Task<GatewayAnswer<List<EndpointJson>>> EndpointsAsync(CancellationToken cancellationToken) =>
        gateway.GetAsync<List<EndpointJson>>("api/webhooks", cancellationToken);

    public Task<GatewayAnswer<EndpointWithSecretJson>> AddEndpointAsync(NewEndpointJson endpoint, CancellationToken cancellationToken) =>
        gateway.PostAsync<EndpointWithSecretJson>("api/webhooks", endpoint, cancellationToken);

    public Task<GatewayAnswer<EndpointWithSecretJson>> RotateSecretAsync(Guid endpoint, CancellationToken cancellationToken) =>
        gateway.PostAsync<EndpointWithSecretJson>($"api/webhooks/{endpoint}/rotate-secret", null, cancellationToken);

    public Task<GatewayAnswer<EndpointJson>> SetEnabledAsync(Guid endpoint, bool enabled, CancellationToken cancellationToken) =>
        gateway.PostAsync<EndpointJson>($"api/webhooks/{endpoint}/{(enabled ? "enable" : "disable")}", null, cancellationToken);

    public Task<GatewayAnswer<PageJson<DeliveryJson>>> DeliveriesAsync(Guid endpoint, CancellationToken cancellationToken) =>
        gateway.GetAsync<PageJson<DeliveryJson>>($"api/webhooks/{endpoint}/deliveries?limit={PageSize}", cancellationToken);

    public Task<GatewayAnswer<DeliveryJson>> ReplayAsync(Guid endpoint, Guid delivery, CancellationToken cancellationToken) =>
        gateway.PostAsync<DeliveryJson>($"api/webhooks/{endpoint}/deliveries/{delivery}/replay", null, cancellationToken);
}

public sealed record NotificationJson(Guid Id, string Kind, string Title, string Text, string Link, DateTimeOffset OccurredAt, DateTimeOffset? ReadAt, Guid SourceEventId);

public sealed record UnreadCountJson(int Count);

public sealed record MarkedReadJson(int Marked);

public sealed record EndpointJson(Guid Id, string Url, List<string> EventKinds, bool Enabled, DateTimeOffset CreatedAt, DateTimeOffset? PreviousSecretValidUntil);

public sealed record EndpointWithSecretJson(EndpointJson Endpoint, string Secret);

public sealed record NewEndpointJson(string Url, List<string> EventKinds);

public sealed record DeliveryJson(Guid Id, Guid EventId, string EventType, string State, int Attempts, int? LastStatusCode, string? LastError,
    DateTimeOffset? NextAttemptAt, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt);

/// <summary>The kinds a partner can choose for an endpoint, in the words the portal shows.</summary>
public static class NotificationKindNames
{
    public static readonly IReadOnlyList<(string Kind, string Label)> All =
    [
        ("invitation.received", "Invited to a deal"),
        ("invitation.expiring", "Invitation about to expire"),
        ("invitation.accepted", "Invitation accepted"),
        ("invitation.declined", "Invitation declined"),
        ("team.joined", "Joined a team"),
        ("opportunity.won", "Deal won"),
        ("opportunity.lost", "Deal lost or withdrawn"),
        ("reward.booked", "Reward booked"),
        ("payout.approved", "Payout approved"),
        ("deal-registration.conflict", "Registration conflict"),
        ("alliance.proposed", "Alliance proposed"),
        ("alliance.formed", "Alliance formed"),
    ];

    public static string Label(string kind) => All.FirstOrDefault(k => k.Kind == kind).Label ?? kind;
}
