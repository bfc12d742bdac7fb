using EcosystemMarket.Data;
using EcosystemMarket.Partners.Infrastructure.Webhooks;
using EcosystemMarket.Partners.Model.Notifications;
using Microsoft.Extensions.Options;

namespace EcosystemMarket.Partners.Infrastructure.Notifications;

/// <summary>Section <c>Notifications</c>.</summary>
public sealed class NotificationOptions
{
    /// <summary>How long before an unanswered invitation's deadline its invitee is reminded.</summary>
    public TimeSpan ReminderLeadTime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the sweep looks for invitations to remind.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Reminds invitees whose invitation is still unanswered within the lead time of its deadline, once: the replica whose
/// update marks the invitation reminded writes the notification in the same transaction.
/// </summary>
public sealed class InvitationReminders(
    Database database, NotificationStore notifications, WebhookSignal signal, TimeProvider clock, IOptions<NotificationOptions> options,
    ILogger<InvitationReminders> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReminderInterval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogWarning(failure, "Reminding invitees failed; the next sweep tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await notifications.DueRemindersAsync(now, options.Value.ReminderLeadTime, BatchSize, cancellationToken);
        foreach (var invitation in due)
        {
            await using var unit = await database.BeginAsync(cancellationToken);
            if (await notifications.MarkRemindedAsync(unit, invitation.InvitationId, now, cancellationToken))
            {
                await notifications.TellAsync(unit, [NotificationRules.ExpiringSoon(invitation, now)], now, cancellationToken);
            }
            await unit.CommitAsync(cancellationToken);
        }
        if (due.Count > 0)
        {
            signal.Notify();
        }
    }
}
