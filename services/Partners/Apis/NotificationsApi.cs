using System.Security.Claims;
using EcosystemMarket.Partners.Infrastructure.Notifications;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Partners.Apis;

/// <summary>
/// A partner's notifications, newest first. Each caller reads its own organisation's; an administrator names the
/// partner (<c>partnerId</c>). Another partner's notification is not found (404), as if it did not exist.
/// </summary>
public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications").WithTags("Notifications");
        api.MapGet("/", ListNotifications).WithName(nameof(ListNotifications))
            .WithSummary("The partner's notifications, newest first, a page at a time (unread=true: only those not read)");
        api.MapGet("/unread-count", UnreadNotificationCount).WithName(nameof(UnreadNotificationCount))
            .WithSummary("How many of the partner's notifications are unread");
        api.MapPost("/{notificationId:guid}/read", MarkNotificationRead).WithName(nameof(MarkNotificationRead))
            .WithSummary("Marks one notification read; marking a read one again changes nothing (200)");
        api.MapPost("/read-all", MarkAllNotificationsRead).WithName(nameof(MarkAllNotificationsRead))
            .WithSummary("Marks every unread notification of the partner read");
        return api;
    }

    public sealed record NotificationQuery(bool? Unread, string? Cursor, int? Limit, Guid? PartnerId);

    public sealed record NotificationView(Guid Id, string Kind, string Title, string Text, string Link, DateTimeOffset OccurredAt, DateTimeOffset? ReadAt,
        Guid SourceEventId)
    {
        public static NotificationView Of(NotificationRow row) => new(row.Id, row.Kind, row.Title, row.Text, row.Link, row.OccurredAt, row.ReadAt, row.SourceEventId);
    }

    public sealed record UnreadCount(int Count);

    public sealed record MarkedRead(int Marked);

    public static async Task<Results<Ok<Page<NotificationView>>, ValidationProblem, ProblemHttpResult>> ListNotifications(
        [AsParameters] NotificationQuery query, ClaimsPrincipal user, NotificationStore notifications, CancellationToken cancellationToken)
    {
        if (PartnerOf(user, query.PartnerId) is not { } partnerId)
        {
            return NotAPartner();
        }
        var errors = SequenceCursor.Validate(query.Cursor, query.Limit, out var before, out var take);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var fetched = await notifications.PageAsync(partnerId, query.Unread ?? false, before, take + 1, cancellationToken);
        var page = Paging.ToPage(fetched, take, row => SequenceCursor.Of(row.Sequence, row.Id));
        return TypedResults.Ok(new Page<NotificationView>(page.Items.Select(NotificationView.Of).ToList(), page.NextCursor));
    }

    public static async Task<Results<Ok<UnreadCount>, ProblemHttpResult>> UnreadNotificationCount(
        Guid? partnerId, ClaimsPrincipal user, NotificationStore notifications, CancellationToken cancellationToken) =>
        PartnerOf(user, partnerId) is { } partner
            ? TypedResults.Ok(new UnreadCount(await notifications.UnreadCountAsync(partner, cancellationToken)))
            : NotAPartner();

    public static async Task<Results<Ok<NotificationView>, NotFound>> MarkNotificationRead(
        Guid notificationId, ClaimsPrincipal user, NotificationStore notifications, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await notifications.GetAsync(notificationId, cancellationToken) is not { } notification || !user.ActsFor(notification.PartnerId))
        {
            return TypedResults.NotFound();
        }
        if (notification.ReadAt is null)
        {
            await notifications.MarkReadAsync(notificationId, clock.GetUtcNow(), cancellationToken);
            notification = await notifications.GetAsync(notificationId, cancellationToken) ?? notification;
        }
        return TypedResults.Ok(NotificationView.Of(notification));
    }

    public static async Task<Results<Ok<MarkedRead>, ProblemHttpResult>> MarkAllNotificationsRead(
        Guid? partnerId, ClaimsPrincipal user, NotificationStore notifications, TimeProvider clock, CancellationToken cancellationToken) =>
        PartnerOf(user, partnerId) is { } partner
            ? TypedResults.Ok(new MarkedRead(await notifications.MarkAllReadAsync(partner, clock.GetUtcNow(), cancellationToken)))
            : NotAPartner();

    /// <summary>The partner the caller acts for: its own, or for an administrator the one it names.</summary>
    internal static Guid? PartnerOf(ClaimsPrincipal user, Guid? named) =>
        named is { } partner ? (user.ActsFor(partner) ? partner : null) : user.PartnerId();

    internal static ProblemHttpResult NotAPartner() =>
        ProblemResults.Forbidden("Notifications and webhooks belong to a partner organisation.",
            "Act for a partner (a token with partner_id); an administrator names the partner with 'partnerId'.");
}
