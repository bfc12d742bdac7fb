namespace EcosystemMarket.Partners.Infrastructure;

/// <summary>
/// At start-up, lists the claims of partners registered before claims existed in their vendors' queues, so a vendor
/// can attest them without waiting for the partner's next change. Replicas doing it at once only repeat each other's work.
/// </summary>
public sealed class ClaimsOfOlderProfiles(PartnerRepository partners, ILogger<ClaimsOfOlderProfiles> logger) : BackgroundService
{
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var stored = await partners.StoreClaimsOfOlderProfilesAsync(Batch, stoppingToken);
            if (stored > 0)
            {
                logger.LogInformation("Stored the claims of {Count} partners registered before claims existed", stored);
            }
        }
        // The service works without it (those claims are read as pending); the next start tries again.
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogError(failure, "Could not store the claims of partners registered before claims existed");
        }
    }
}
