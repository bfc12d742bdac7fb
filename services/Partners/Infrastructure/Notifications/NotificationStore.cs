using Dapper;
using EcosystemMarket.Data;
using EcosystemMarket.Partners.Model.Notifications;
using EcosystemMarket.Partners.Infrastructure.Webhooks;
using EcosystemMarket.Partners.Model.Webhooks;

namespace EcosystemMarket.Partners.Infrastructure.Notifications;

/// <summary>
/// Notifications and the invitations they follow. <see cref="TellAsync"/> is the one way a notification is written: in
/// the caller's unit of work, with a delivery for each of the partner's endpoints that wants it, so a consumer or the
/// reminder sweep commits the fact, the notification and its deliveries together; the dispatcher sends them later.
/// </summary>
public sealed class NotificationStore(Database database, WebhookStore webhooks)
{
    /// <returns>The notifications written now (one already told is skipped).</returns>
    public async Task<IReadOnlyList<Notification>> TellAsync(UnitOfWork unit, IReadOnlyList<Notification> notifications, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var told = new List<Notification>();
        foreach (var notification in notifications)
        {
            if (await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(NotificationSql.InsertUnlessTold), notification, unit.Transaction,
                    cancellationToken: cancellationToken)) == 1)
            {
                told.Add(notification);
            }
        }
        if (told.Count == 0)
        {
            return told;
        }
        var endpoints = await webhooks.EnabledEndpointsOfAsync(unit, told.Select(n => n.PartnerId).Distinct().ToList(), cancellationToken);
        var deliveries = (from notification in told
                          from endpoint in endpoints
                          where endpoint.PartnerId == notification.PartnerId && endpoint.Wants(notification.Kind)
                          select WebhookDelivery.Due(endpoint.Id, notification.PartnerId, notification.Id, notification.Kind,
                              WebhookEvent.Of(notification).ToJson(), now)).ToList();
        await webhooks.AddDeliveriesAsync(unit, deliveries, cancellationToken);
        return told;
    }

    public async Task<IReadOnlyList<NotificationRow>> PageAsync(Guid partnerId, bool unreadOnly, long? before, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<NotificationRow>(new CommandDefinition(database.Sql(NotificationSql.SelectPage),
            new { PartnerId = partnerId, UnreadOnly = unreadOnly, Before = before, Take = take }, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<NotificationRow?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<NotificationRow>(new CommandDefinition(database.Sql(NotificationSql.SelectById),
            new { Id = id }, cancellationToken: cancellationToken));
    }

    public async Task<int> UnreadCountAsync(Guid partnerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(database.Sql(NotificationSql.CountUnread),
            new { PartnerId = partnerId }, cancellationToken: cancellationToken));
    }

    public async Task MarkReadAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(NotificationSql.MarkRead, new { Id = id, Now = now }, cancellationToken);

    public async Task<int> MarkAllReadAsync(Guid partnerId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(NotificationSql.MarkAllRead, new { PartnerId = partnerId, Now = now }, cancellationToken);

    /// <summary>Remembers an invitation (open) or its answer; an answer that arrived first is never reopened.</summary>
    public async Task TrackInvitationAsync(UnitOfWork unit, TrackedInvitation invitation, CancellationToken cancellationToken)
    {
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(NotificationSql.TrackInvitation), invitation, unit.Transaction, cancellationToken: cancellationToken));
        if (invitation.AcceptBy is not null)
        {
            await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(NotificationSql.SetDeadline), invitation, unit.Transaction, cancellationToken: cancellationToken));
        }
        if (invitation.State != TrackedInvitation.Open)
        {
            await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(NotificationSql.Answer), invitation, unit.Transaction, cancellationToken: cancellationToken));
        }
    }

    public async Task<IReadOnlyList<Guid>> TeamOfAsync(UnitOfWork unit, Guid opportunityId, CancellationToken cancellationToken) =>
        (await unit.Connection.QueryAsync<Guid>(new CommandDefinition(unit.Sql(NotificationSql.SelectTeam), new { OpportunityId = opportunityId },
            unit.Transaction, cancellationToken: cancellationToken))).ToList();

    public async Task<IReadOnlyList<TrackedInvitation>> DueRemindersAsync(DateTimeOffset now, TimeSpan leadTime, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<TrackedInvitation>(new CommandDefinition(database.Sql(NotificationSql.SelectDueReminders),
            new { Now = now, Until = now + leadTime, Take = take }, cancellationToken: cancellationToken))).ToList();
    }

    /// <returns>True when this caller marked it, and so sends the reminder.</returns>
    public async Task<bool> MarkRemindedAsync(UnitOfWork unit, Guid invitationId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(NotificationSql.MarkReminded), new { InvitationId = invitationId, Now = now },
            unit.Transaction, cancellationToken: cancellationToken)) == 1;

    private async Task<int> ExecuteAsync(SqlText sql, object parameters, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        var changed = await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(sql), parameters, unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
        return changed;
    }
}

/// <summary>A notification as stored, with its place in the partner's list.</summary>
public sealed class NotificationRow
{
    public Guid Id { get; init; }
    public Guid PartnerId { get; init; }
    public string Kind { get; init; } = "";
    public Guid SubjectId { get; init; }
    public string Title { get; init; } = "";
    public string Text { get; init; } = "";
    public string Link { get; init; } = "";
    public Guid SourceEventId { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset? ReadAt { get; init; }
    public long Sequence { get; init; }
}
