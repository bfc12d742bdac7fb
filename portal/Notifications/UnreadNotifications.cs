using EcosystemMarket.Portal.Gateway;

namespace EcosystemMarket.Portal.Notifications;

/// <summary>
/// The signed-in partner's unread count, for the layout's bell: one per circuit, read again on each navigation and
/// whenever a page marks notifications read, so the bell and the page never disagree.
/// </summary>
public sealed class UnreadNotifications(GatewayClient gateway)
{
    public int? Count { get; private set; }

    public event Action? Changed;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var answer = await new NotificationsApi(gateway).UnreadCountAsync(cancellationToken);
        var count = answer.Value?.Count;
        if (count != Count)
        {
            Count = count;
            Changed?.Invoke();
        }
    }
}
