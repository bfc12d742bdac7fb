using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcosystemMarket.ServiceDefaults.Idempotency;

/// <summary>Forgets keys older than <see cref="IdempotencyOptions.Retention"/>, every <see cref="IdempotencyOptions.PurgeInterval"/>.</summary>
internal sealed class IdempotencyKeyPurge(IIdempotencyStore store, IOptions<IdempotencyOptions> options, TimeProvider clock,
    ILogger<IdempotencyKeyPurge> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var purged = await store.PurgeAsync(clock.GetUtcNow() - options.Value.Retention, stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Purged {Count} idempotency keys", purged);
                }
                await Task.Delay(options.Value.PurgeInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Purging idempotency keys failed; trying again in {Interval}", options.Value.PurgeInterval);
                await Task.Delay(options.Value.PurgeInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
