namespace EcosystemMarket.AppHost.Seeding;

/// <summary>
/// Fills a running system with the demo ecosystem through the gateway, as its users would. Seeding the same
/// data folder again adds nothing: partners exist (409), an owner's opportunity for the same customer exists,
/// a registrant's registration with the same vendor for the same customer exists; those are counted as existing.
/// One failed item is logged and the rest still seeded.
/// </summary>
public sealed class DemoSeeder(EcosystemClient client, DemoEcosystem ecosystem, ProgressBar progress, TextWriter log)
{
    private static readonly TimeSpan SettlementRetryDelay = TimeSpan.FromMilliseconds(500);
    private const int SettlementAttempts = 40;

    private readonly SeedSummary _summary = new();

    public async Task<SeedSummary> SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var vendor in DemoEcosystem.Vendors)
        {
            await TryAsync($"save the reward program of {vendor.Id}", () => client.SaveProgramAsync(vendor, cancellationToken));
            progress.Advance();
        }
        foreach (var partner in ecosystem.Partners)
        {
            await TryAsync($"register partner {partner.Name}", async () =>
                _summary.Count(await client.RegisterPartnerAsync(partner, cancellationToken), "partners"));
            progress.Advance();
        }

        var payable = new List<(DemoVendor Vendor, Guid Owner)>();
        var journey = new OpportunityJourney(client);
        var existing = new Dictionary<Guid, HashSet<string>>();
        var reached = progress.Done;
        foreach (var story in ecosystem.Opportunities)
        {
            await TryAsync($"play the opportunity for {story.CustomerName}", async () =>
            {
                if (!existing.TryGetValue(story.OwnerId, out var customers))
                {
                    customers = existing[story.OwnerId] = (await client.MyOpportunitiesAsync(story.OwnerId, cancellationToken))
                        .Select(o => o.Customer?.Name).OfType<string>().ToHashSet();
                }
                if (!customers.Add(story.CustomerName))
                {
                    _summary.Count(created: false, "opportunities");
                    return;
                }
                await journey.PlayAsync(story, _ => { progress.Advance(); return Task.CompletedTask; }, cancellationToken);
                _summary.Count(created: true, "opportunities");
                if (story is { Outcome: DemoOutcome.Won, RegistersDeal: true } && DemoEcosystem.Vendors.Single(v => v.Id == story.VendorId) is { HoldingPeriodDays: 0 } vendor)
                {
                    payable.Add((vendor, story.OwnerId));
                }
            });
            // A story with fewer suggested partners than planned takes fewer steps; the bar still moves on by its share.
            reached += story.StepCount;
            progress.ReportAt(reached);
        }

        foreach (var rival in ecosystem.ConflictingRegistrations)
        {
            await TryAsync($"register the rival deal for {rival.CustomerName}", async () =>
            {
                var registered = (await client.MyDealRegistrationsAsync(rival.RegistrantId, cancellationToken))
                    .Any(r => r.VendorId == rival.VendorId && r.CustomerName == rival.CustomerName);
                if (!registered)
                {
                    await client.RegisterDealAsync(rival.RegistrantId, rival.VendorId, rival.CustomerName, rival.Scope, opportunityId: null, cancellationToken);
                }
                _summary.Count(!registered, "conflicting registrations");
            });
            progress.Advance();
        }

        foreach (var (vendor, owner) in payable.Distinct())
        {
            await TryAsync($"approve {vendor.Id}'s payout to {owner}", async () =>
                _summary.Count(await ApprovePayoutAsync(vendor, owner, cancellationToken), "payouts"));
        }
        progress.Finish();
        return _summary;
    }

    /// <summary>Settlement books the lead-registration bonus when it consumes the win, a moment after it: until then nothing is payable.</summary>
    private async Task<bool> ApprovePayoutAsync(DemoVendor vendor, Guid owner, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= SettlementAttempts; attempt++)
        {
            if (await client.ApprovePayoutAsync(vendor.Id, owner, vendor.Currency, cancellationToken))
            {
                return true;
            }
            await Task.Delay(SettlementRetryDelay, cancellationToken);
        }
        throw new TimeoutException($"Nothing became payable to {owner} in {SettlementAttempts * SettlementRetryDelay.TotalSeconds:0} s.");
    }

    private async Task TryAsync(string what, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception failure) when (failure is DemoApiException or HttpRequestException or TimeoutException or TaskCanceledException { CancellationToken.IsCancellationRequested: false })
        {
            _summary.Failed++;
            log.WriteLine($"[demo] could not {what}: {failure.Message}");
        }
    }
}
