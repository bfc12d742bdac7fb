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
        await SaveProgramsAsync(cancellationToken);
        var blueprints = await PublishBlueprintsAsync(cancellationToken);
        await RegisterPartnersAsync(blueprints, cancellationToken);
        await AttestClaimsAsync(cancellationToken);
        var payable = await PlayOpportunitiesAsync(cancellationToken);
        await RegisterRivalDealsAsync(cancellationToken);
        foreach (var (vendor, owner) in payable.Distinct())
        {
            await TryAsync($"approve {vendor.Id}'s payout to {owner}", async () =>
                _summary.Count(await ApprovePayoutAsync(vendor, owner, cancellationToken), "payouts"), cancellationToken);
        }
        return _summary;
    }

    private async Task SaveProgramsAsync(CancellationToken cancellationToken)
    {
        foreach (var vendor in DemoEcosystem.Vendors)
        {
            await TryAsync($"save the reward program of {vendor.Id}", () => client.SaveProgramAsync(vendor, cancellationToken), cancellationToken);
            progress.Advance();
        }
    }

    private async Task<IReadOnlyDictionary<DemoBlueprint, Guid>> PublishBlueprintsAsync(CancellationToken cancellationToken)
    {
        var published = new Dictionary<DemoBlueprint, Guid>();
        foreach (var blueprint in DemoEcosystem.Blueprints)
        {
            await TryAsync($"publish {blueprint.VendorId}'s blueprint {blueprint.Name}", async () =>
            {
                var (id, created) = await client.PublishBlueprintAsync(blueprint, cancellationToken);
                published[blueprint] = id;
                _summary.Count(created, "blueprints");
            }, cancellationToken);
        }
        var (vendor, category, hours) = DemoEcosystem.ServiceLevel;
        await TryAsync($"set {vendor}'s SLA for {category}", () => client.SetServiceLevelAsync(vendor, category, hours, cancellationToken), cancellationToken);
        return published;
    }

    private async Task RegisterPartnersAsync(IReadOnlyDictionary<DemoBlueprint, Guid> blueprints, CancellationToken cancellationToken)
    {
        foreach (var partner in ecosystem.Partners)
        {
            var adopts = blueprints.Where(b => DemoEcosystem.Adopts(partner, b.Key)).Select(b => b.Value).ToList();
            await TryAsync($"register partner {partner.Name}", async () =>
                _summary.Count(await client.RegisterPartnerAsync(partner, adopts, cancellationToken), "partners"), cancellationToken);
            progress.Advance();
        }
    }

    /// <summary>Before any opportunity: ranking and rewards count only what the vendors attested.</summary>
    private async Task AttestClaimsAsync(CancellationToken cancellationToken)
    {
        foreach (var vendor in DemoEcosystem.Vendors)
        {
            await TryAsync($"attest the claims addressed to {vendor.Id}", async () =>
            {
                foreach (var claim in (await client.PendingClaimsAsync(vendor.Id, cancellationToken)).Where(DemoEcosystem.VendorAttests))
                {
                    await client.AttestClaimAsync(vendor.Id, claim, cancellationToken);
                    _summary.Count(created: true, "attestations");
                }
            }, cancellationToken);
            progress.Advance();
        }
    }

    /// <returns>The owners of registered deals just won in a program without a holding period: their bonus is payable at once.</returns>
    private async Task<List<(DemoVendor Vendor, Guid Owner)>> PlayOpportunitiesAsync(CancellationToken cancellationToken)
    {
        var payable = new List<(DemoVendor Vendor, Guid Owner)>();
        var journey = new OpportunityJourney(client);
        var customersOf = new Dictionary<Guid, HashSet<string>>();
        var reached = progress.Done;
        foreach (var story in ecosystem.Opportunities)
        {
            await TryAsync($"play the opportunity for {story.CustomerName}", async () =>
            {
                if (!customersOf.TryGetValue(story.OwnerId, out var customers))
                {
                    customers = customersOf[story.OwnerId] = (await client.MyOpportunitiesAsync(story.OwnerId, cancellationToken))
                        .Select(o => o.Customer?.Name).OfType<string>().ToHashSet();
                }
                if (!customers.Add(story.CustomerName))
                {
                    _summary.Count(created: false, "opportunities");
                    return;
                }
                await journey.PlayAsync(story, _ => { progress.Advance(); return Task.CompletedTask; }, cancellationToken);
                _summary.Count(created: true, "opportunities");
                var vendor = DemoEcosystem.Vendors.Single(v => v.Id == story.VendorId);
                if (story is { Outcome: DemoOutcome.Won, RegistersDeal: true } && vendor.HoldingPeriodDays == 0)
                {
                    payable.Add((vendor, story.OwnerId));
                }
            }, cancellationToken);
            // A story with fewer suggested partners than planned takes fewer steps; the bar still moves on by its share.
            reached += story.StepCount;
            progress.ReportAt(reached);
        }
        return payable;
    }

    private async Task RegisterRivalDealsAsync(CancellationToken cancellationToken)
    {
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
            }, cancellationToken);
            progress.Advance();
        }
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

    private async Task TryAsync(string what, Func<Task> step, CancellationToken cancellationToken)
    {
        try
        {
            await step();
        }
        // A timed-out request is a failed item too; only the app host stopping ends the seed.
        catch (Exception failure) when (failure is DemoApiException or HttpRequestException or TimeoutException
            || (failure is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _summary.Failed++;
            log.WriteLine($"[demo] could not {what}: {failure.Message}");
        }
    }
}
