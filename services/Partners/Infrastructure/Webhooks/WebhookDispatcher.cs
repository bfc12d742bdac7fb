using EcosystemMarket.Partners.Model.Webhooks;
using Microsoft.Extensions.Options;

namespace EcosystemMarket.Partners.Infrastructure.Webhooks;

/// <summary>
/// Sends due deliveries, each on its own: it claims only as many as it has free slots (<see cref="WebhookOptions.MaxConcurrency"/>)
/// and claims more whenever one ends, so a slow receiver holds its own slot until its timeout and no other. Claims are
/// leases in the table (as the outbox's), so replicas on one database share the work without sending a delivery twice
/// at once; a replica that dies mid-request leaves its claims to expire and be taken again (the receiver deduplicates).
/// </summary>
public sealed class WebhookDispatcher(
    WebhookStore store, WebhookSender sender, WebhookSignal signal, TimeProvider clock, IOptions<WebhookOptions> options, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    /// <summary>A claim outlasts its request's timeout by this much, so a live sender's rows are never taken from it.</summary>
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(30);

    private readonly RetrySchedule _schedule = RetrySchedule.Parse(options.Value.RetrySchedule);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var concurrency = Math.Max(1, settings.MaxConcurrency);
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        var inFlight = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                inFlight.RemoveAll(task => task.IsCompleted);
                var free = slots.CurrentCount;
                var claimed = free == 0 ? [] : await ClaimAsync(free, settings.Timeout, stoppingToken);
                foreach (var (claim, delivery) in claimed)
                {
                    await slots.WaitAsync(stoppingToken);
                    inFlight.Add(Task.Run(async () =>
                    {
                        try
                        {
                            await DeliverAsync(claim, delivery, stoppingToken);
                        }
                        finally
                        {
                            slots.Release();
                            signal.Notify();
                        }
                    }, CancellationToken.None));
                }
                if (claimed.Count == 0 || claimed.Count < free)
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Requests in flight end with the stopping token; their unrecorded claims expire and are sent again later.
        await Task.WhenAll(inFlight);
    }

    private async Task<IReadOnlyList<(string Claim, WebhookDelivery Delivery)>> ClaimAsync(int take, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var claim = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        try
        {
            return (await store.ClaimAsync(claim, now, now + timeout + LeaseMargin, take, cancellationToken)).Select(d => (claim, d)).ToList();
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogWarning(failure, "Claiming due webhook deliveries failed; trying again shortly");
            return [];
        }
    }

    private async Task DeliverAsync(string claim, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            var endpoint = await store.EndpointAsync(delivery.EndpointId, cancellationToken);
            var now = clock.GetUtcNow();
            WebhookAttempt attempt;
            if (endpoint is not { Enabled: true })
            {
                attempt = WebhookAttempt.EndpointDisabled();
            }
            else
            {
                var (status, error) = await sender.SendAsync(endpoint, delivery, now, cancellationToken);
                attempt = WebhookAttempt.Of(delivery.Attempts, status, error, clock.GetUtcNow(), _schedule, Random.Shared.NextDouble());
            }
            await store.RecordAttemptAsync(claim, delivery, attempt, cancellationToken);
            if (attempt.State == WebhookDelivery.Failed)
            {
                logger.LogWarning("Webhook delivery {DeliveryId} of event {EventId} failed for good: {Error}", delivery.Id, delivery.EventId, attempt.Error);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception failure)
        {
            // The claim expires and the delivery is tried again.
            logger.LogError(failure, "Webhook delivery {DeliveryId} could not be attempted", delivery.Id);
        }
    }
}
