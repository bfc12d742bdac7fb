using EcosystemMarket.Partners.Infrastructure;
using EcosystemMarket.Partners.Infrastructure.Webhooks;
using EcosystemMarket.Partners.Model.Webhooks;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.UnitTests;

/// <summary>
/// Two dispatchers (two replicas, each with its own connections) on one SQLite file: a due delivery is claimed by one of
/// them only, until its lease runs out; an attempt is recorded only by the claim that holds it.
/// </summary>
public sealed class Webhook_delivery_claims : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private MigratedSqliteFile _file = null!;

    public async ValueTask InitializeAsync() =>
        _file = await MigratedSqliteFile.CreateAsync("webhook-claims", [typeof(PartnerRepository).Assembly], Cancel);

    public ValueTask DisposeAsync() => _file.DisposeAsync();

    private async Task<List<WebhookDelivery>> DueAsync(WebhookStore store, int count)
    {
        var deliveries = Enumerable.Range(0, count)
            .Select(i => WebhookDelivery.Due(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "payout.approved", $"{{\"n\":{i}}}", Now)).ToList();
        await using var unit = await _file.Database.BeginAsync(Cancel);
        await store.AddDeliveriesAsync(unit, deliveries, Cancel);
        await unit.CommitAsync(Cancel);
        return deliveries;
    }

    [Fact]
    public async Task Two_dispatchers_claiming_at_once_never_take_the_same_delivery()
    {
        var (first, second) = (new WebhookStore(_file.Database), new WebhookStore(_file.OpenAnother()));
        var due = await DueAsync(first, 40);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? first : second).ClaimAsync($"claim-{i}", Now, Now.AddMinutes(1), 10, Cancel)));

        var claimed = claims.SelectMany(c => c).Select(d => d.Id).ToList();
        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        Assert.Equal(due.Select(d => d.Id).Order(), claimed.Order());
    }

    [Fact]
    public async Task A_lease_that_ran_out_is_claimed_again_and_only_the_holder_records_the_attempt()
    {
        var store = new WebhookStore(_file.Database);
        var delivery = Assert.Single(await DueAsync(store, 1));

        Assert.Single(await store.ClaimAsync("dead", Now, Now.AddSeconds(40), 10, Cancel));
        Assert.Empty(await store.ClaimAsync("other", Now.AddSeconds(39), Now.AddSeconds(80), 10, Cancel));
        Assert.Single(await store.ClaimAsync("other", Now.AddSeconds(41), Now.AddSeconds(80), 10, Cancel));

        await store.RecordAttemptAsync("dead", delivery, new WebhookAttempt(WebhookDelivery.Delivered, null, 200, null, Now), Cancel);
        Assert.Equal(WebhookDelivery.Pending, (await store.DeliveryAsync(delivery.Id, Cancel))!.State);
        await store.RecordAttemptAsync("other", delivery, WebhookAttempt.Of(0, 500, null, Now.AddSeconds(42), RetrySchedule.Default, 0.5), Cancel);
        var retried = (await store.DeliveryAsync(delivery.Id, Cancel))!;
        Assert.Equal((WebhookDelivery.Pending, 1, 500), (retried.State, retried.Attempts, retried.LastStatusCode!.Value));
        Assert.Equal(Now.AddSeconds(102), retried.NextAttemptAt);
        Assert.Empty(await store.ClaimAsync("early", Now.AddSeconds(100), Now.AddSeconds(140), 10, Cancel));
        Assert.Single(await store.ClaimAsync("due", Now.AddSeconds(103), Now.AddSeconds(140), 10, Cancel));
    }
}
