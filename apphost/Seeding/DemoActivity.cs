namespace EcosystemMarket.AppHost.Seeding;

/// <summary>
/// Keeps the demo ecosystem busy after the seed: new opportunities between the demo partners, one API step
/// every <paramref name="pace"/> (post, invite, register, accept or decline, win or lose), so the monitoring
/// charts keep moving. A failed story is logged and the next one starts after a longer pause.
/// </summary>
public sealed class DemoActivity(EcosystemClient client, DemoEcosystem ecosystem, TimeSpan pace, TextWriter log)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Live activity need not repeat itself across runs, only look like the seeded one.
        var random = new Random();
        var journey = new OpportunityJourney(client);
        while (true)
        {
            var story = ecosystem.NewOpportunity(random, $"Prospect {DateTime.UtcNow:HHmmss}");
            try
            {
                var outcome = await journey.PlayAsync(story, token => Task.Delay(pace, token), cancellationToken);
                log.WriteLine($"[demo] {story.CustomerName}: {outcome.Accepted} of {outcome.Invited} invited partners joined; {Describe(story.Outcome)}");
            }
            catch (Exception failure) when (failure is DemoApiException or HttpRequestException
                || (failure is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                log.WriteLine($"[demo] activity step failed, pausing: {failure.Message}");
                await Task.Delay(pace * 10, cancellationToken);
            }
            await Task.Delay(pace, cancellationToken);
        }
    }

    private static string Describe(DemoOutcome outcome) => outcome switch
    {
        DemoOutcome.Won => "won",
        DemoOutcome.Lost => "lost",
        DemoOutcome.Withdrawn => "withdrawn",
        _ => "left open",
    };
}
