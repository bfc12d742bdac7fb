using EcosystemMarket.Matching.Model;
using MassTransit;

namespace EcosystemMarket.Matching.Infrastructure;

/// <summary>
/// Fills this replica's index from the partner directory and its track record from the database, then
/// declares the index ready. The event subscription starts with the bus, before this runs, so changes
/// made during the bootstrap are not missed: whichever of stream and event carries the newer version wins.
/// </summary>
public sealed class IndexBootstrapper(IPartnerSource source, PartnerIndex index, TrackRecordStore trackRecord, IBusControl bus, ILogger<IndexBootstrapper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Subscribed first, streamed second: no change can fall between the two.
                await bus.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken);
                var started = TimeProvider.System.GetTimestamp();
                await trackRecord.LoadAsync(stoppingToken);
                var streamed = await index.ApplyAllAsync(source.ReadAllAsync(stoppingToken), stoppingToken);
                index.MarkReady();
                logger.LogInformation("Partner index ready: {Streamed} partners streamed, {Count} indexed in {Elapsed}",
                    streamed, index.Count, TimeProvider.System.GetElapsedTime(started));
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Partner index bootstrap failed; retrying in {Delay}", delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }
}
