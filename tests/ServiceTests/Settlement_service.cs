using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Collections.Concurrent;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Settlement.Infrastructure;
using EcosystemMarket.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.ServiceTests;

/// <summary>Partners' attested standings as Settlement reads them from the directory; a partner no vendor attested stands nowhere.</summary>
public sealed class StandingsStub : IPartnerStandings
{
    private readonly ConcurrentDictionary<(Guid Partner, string Vendor), PartnerStanding> _attested = new();

    /// <summary>The vendor attests the partner's membership of its program and its tier there.</summary>
    public void Attest(Guid partnerId, string vendorId, string tier) => _attested[(partnerId, vendorId)] = new PartnerStanding(true, tier);

    public Task<PartnerStanding> StandingInAsync(Guid partnerId, string vendorId, CancellationToken cancellationToken) =>
        Task.FromResult(_attested.GetValueOrDefault((partnerId, vendorId), PartnerStanding.Unattested));
}

public sealed class SettlementFixture() : ServiceFixture<Ledger>("settlementdb")
{
    public StandingsStub Standings { get; } = new();
    public AdjustableClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IPartnerStandings>(Standings);
        services.AddSingleton<TimeProvider>(Clock);
    }

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Settlement:Metrics:RefreshInterval"] = "00:00:00.100",
    };
}

public sealed class Settlement_service(SettlementFixture fixture) : IClassFixture<SettlementFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static OpportunityWon Won(Guid owner, decimal finalValue, params (Guid Partner, decimal Percent)[] team) => new()
    {
        OpportunityId = Guid.NewGuid(),
        OwnerPartnerId = owner,
        FinalValue = finalValue,
        Currency = "USD",
        Team = team.Select(m => new TeamMemberTerms { PartnerId = m.Partner, Role = "specialist", Reward = new RewardTerms { Kind = RewardTerms.ReferralFee, Percent = m.Percent } }).ToList(),
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private async Task<JsonElement> LedgerOf(Guid partner) =>
        await fixture.Host.ClientFor(partner).GetFromJsonAsync<JsonElement>($"/api/rewards/partners/{partner}/ledger", Cancel);

    [Fact]
    public async Task The_same_win_delivered_many_times_is_booked_once()
    {
        var (owner, member) = (Guid.NewGuid(), Guid.NewGuid());
        var won = Won(owner, 10_000.05m, (member, 12.5m));
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        var messageId = Guid.NewGuid();

        // The same message redelivered, and the same fact republished under a new message id.
        for (var i = 0; i < 5; i++)
        {
            await bus.Publish(won, context => context.MessageId = messageId, Cancel);
        }
        await bus.Publish(won, context => context.MessageId = Guid.NewGuid(), Cancel);
        var sentinel = Won(owner, 100m, (Guid.NewGuid(), 1m));
        await bus.Publish(sentinel, Cancel);

        // Once the later message is booked, the earlier ones have been handled too (one queue, in order of arrival).
        await Eventually.HoldsAsync(() => LedgerOf(owner), l => l.GetProperty("entries").GetArrayLength() >= 2);
        var ledger = await Eventually.HoldsAsync(() => LedgerOf(member), l => l.GetProperty("entries").GetArrayLength() > 0);
        await Task.Delay(500, Cancel);
        ledger = await LedgerOf(member);

        var entry = Assert.Single(ledger.GetProperty("entries").EnumerateArray());
        Assert.Equal(1250.01m, entry.GetProperty("amount").GetDecimal());
        Assert.Equal("referral-fee-earned", entry.GetProperty("account").GetString());
    }

    [Fact]
    public async Task A_team_of_two_gets_two_balanced_transactions()
    {
        var (owner, first, second) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.Host.Services.GetRequiredService<IBus>().Publish(Won(owner, 80_000m, (first, 10m), (second, 2.5m)), Cancel);

        var ownerLedger = await Eventually.HoldsAsync(() => LedgerOf(owner), l => l.GetProperty("entries").GetArrayLength() == 2);
        Assert.Equal(-10_000m, ownerLedger.GetProperty("balances")[0].GetProperty("amount").GetDecimal());
        Assert.Equal(8_000m, (await LedgerOf(first)).GetProperty("balances")[0].GetProperty("amount").GetDecimal());
        Assert.Equal(2_000m, (await LedgerOf(second)).GetProperty("balances")[0].GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_partner_reads_only_its_own_ledger()
    {
        var response = await fixture.Host.ClientFor(Guid.NewGuid()).GetAsync($"/api/rewards/partners/{Guid.NewGuid()}/ledger", Cancel);
        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_reversed_deal_is_clawed_back_once_and_statements_show_it()
    {
        var (owner, member) = (Guid.NewGuid(), Guid.NewGuid());
        var won = Won(owner, 4_000m, (member, 10m));
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        var reversal = new OpportunityReversed { OpportunityId = won.OpportunityId, OwnerPartnerId = owner, Reason = "refund", OccurredAt = DateTimeOffset.UtcNow };

        // The reversal may overtake the win: it waits (retries) until the win is settled.
        var reversalId = Guid.NewGuid();
        await bus.Publish(reversal, context => context.MessageId = reversalId, Cancel);
        await bus.Publish(won, Cancel);
        await bus.Publish(reversal, context => context.MessageId = reversalId, Cancel);

        var ledger = await Eventually.HoldsAsync(() => LedgerOf(member), l => l.GetProperty("entries").GetArrayLength() == 2);
        await Task.Delay(500, Cancel);
        ledger = await LedgerOf(member);
        Assert.Equal(2, ledger.GetProperty("entries").GetArrayLength());
        Assert.Equal(0m, ledger.GetProperty("balances")[0].GetProperty("amount").GetDecimal());

        var statement = await fixture.Host.ClientFor(member).GetFromJsonAsync<JsonElement>(
            $"/api/rewards/partners/{member}/statements?from={DateTimeOffset.UtcNow.AddDays(-1):O}&to={DateTimeOffset.UtcNow.AddMinutes(1):O}".Replace("+", "%2B"), Cancel);
        var usd = statement.GetProperty("currencies")[0];
        Assert.Equal((0m, 0m), (usd.GetProperty("openingBalance").GetDecimal(), usd.GetProperty("closingBalance").GetDecimal()));
        Assert.Equal(["referral-fee-earned", "clawback"], usd.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("account").GetString()).ToArray());
    }

    [Fact]
    public async Task A_statement_period_must_run_forwards()
    {
        var partner = Guid.NewGuid();
        var response = await fixture.Host.ClientFor(partner).GetAsync($"/api/rewards/partners/{partner}/statements?from=2026-12-01&to=2026-11-01", Cancel);
        Assert.Contains("from", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task A_program_is_created_with_If_None_Match_and_changed_only_with_the_ETag_of_its_current_version()
    {
        var vendor = $"vendor-{Guid.NewGuid():N}"[..20];
        var client = fixture.Host.CreateClient().AsVendor(vendor);
        var path = $"/api/rewards/vendors/{vendor}/program";
        object Program(string name) => new { name, currency = "EUR", leadRegistrationBonus = 100, holdingPeriodDays = 7 };

        var blind = await (await client.PutAsJsonAsync(path, Program("Blind"), Cancel)).AssertProblemAsync((HttpStatusCode)428);
        Assert.Equal("If-Match", blind.GetProperty("header").GetString());
        await (await client.PutIfMatchAsJsonAsync(path, "\"1\"", Program("Not there yet"), Cancel)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        var created = await client.PutNewAsJsonAsync(path, Program("First"), Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await (await client.PutNewAsJsonAsync(path, Program("Second creation"), Cancel)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        var read = await client.GetAsync(path, Cancel);
        var etag = read.Headers.ETag!.Tag;
        Assert.Equal(created.Headers.ETag!.Tag, etag);
        var changed = await client.PutIfMatchAsJsonAsync(path, etag, Program("Renamed"), Cancel);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);

        await (await client.PutIfMatchAsJsonAsync(path, etag, Program("Stale"), Cancel)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.PutAsJsonAsync(path, Program("Blind again"), Cancel)).AssertProblemAsync((HttpStatusCode)428);
        var current = await client.GetAsync(path, Cancel);
        Assert.Equal("Renamed", (await current.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("name").GetString());
        Assert.Equal(changed.Headers.ETag!.Tag, current.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task An_owner_the_program_managed_by_formal_support_earns_no_tier_bonus_and_its_members_fee_is_booked_all_the_same()
    {
        var vendor = $"vendor-{Guid.NewGuid():N}"[..20];
        var (supported, member, formal) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        fixture.Standings.Attest(supported, vendor, "premier");
        fixture.Standings.Attest(formal, vendor, "premier");
        var saved = await fixture.Host.CreateClient().AsVendor(vendor).PutNewAsJsonAsync($"/api/rewards/vendors/{vendor}/program", new
        {
            name = "Support Program", currency = "USD", leadRegistrationBonus = 1000, holdingPeriodDays = 0,
            tierMultipliers = new Dictionary<string, decimal> { ["premier"] = 2m },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var bus = fixture.Host.Services.GetRequiredService<IBus>();

        await bus.Publish(Won(supported, 10_000m, (member, 10m)) with
        {
            VendorId = vendor, DealRegistrationId = Guid.NewGuid(), OwnerManagementMode = ManagementModes.FormalSupport,
        }, Cancel);
        await bus.Publish(Won(formal, 10_000m) with { VendorId = vendor, DealRegistrationId = Guid.NewGuid(), OwnerManagementMode = ManagementModes.FormalProgram }, Cancel);

        var formalLedger = await Eventually.HoldsAsync(() => LedgerOf(formal), l => l.GetProperty("entries").GetArrayLength() == 1);
        Assert.Equal(2000m, formalLedger.GetProperty("balances")[0].GetProperty("amount").GetDecimal());
        // A win's entries are booked in one transaction: once the member's fee is there, a bonus would be too.
        await Eventually.HoldsAsync(() => LedgerOf(member), l => l.GetProperty("entries").GetArrayLength() == 1);
        var supportedLedger = await LedgerOf(supported);
        var entry = Assert.Single(supportedLedger.GetProperty("entries").EnumerateArray());
        Assert.Equal(-1000m, entry.GetProperty("amount").GetDecimal());
        Assert.StartsWith("referral-fee", entry.GetProperty("account").GetString());
    }

    [Fact]
    public async Task A_vendor_program_pays_a_tiered_lead_registration_bonus_after_its_holding_period_through_an_approved_payout()
    {
        var vendor = $"vendor-{Guid.NewGuid():N}"[..20];
        var owner = Guid.NewGuid();
        fixture.Standings.Attest(owner, vendor, "premier");
        var vendorClient = fixture.Host.CreateClient().AsVendor(vendor);

        var saved = await vendorClient.PutNewAsJsonAsync($"/api/rewards/vendors/{vendor}/program", new
        {
            name = "Storage Partner Program", currency = "USD", leadRegistrationBonus = 1000, holdingPeriodDays = 14,
            tierMultipliers = new Dictionary<string, decimal> { ["premier"] = 1.5m, ["advanced"] = 1.2m },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var otherVendor = await fixture.Host.ClientFor(owner).PutNewAsJsonAsync($"/api/rewards/vendors/{vendor}/program", new { name = "x", currency = "USD" }, Cancel);
        await otherVendor.AssertProblemAsync(HttpStatusCode.Forbidden);

        var won = Won(owner, 50_000m) with { VendorId = vendor, DealRegistrationId = Guid.NewGuid() };
        await fixture.Host.Services.GetRequiredService<IBus>().Publish(won, Cancel);
        var ledger = await Eventually.HoldsAsync(() => LedgerOf(owner), l => l.GetProperty("entries").GetArrayLength() == 1);
        var balance = ledger.GetProperty("balances")[0];
        Assert.Equal((1500m, 1500m, 0m), (balance.GetProperty("amount").GetDecimal(), balance.GetProperty("held").GetDecimal(), balance.GetProperty("payable").GetDecimal()));

        var tooEarly = await vendorClient.PostAsJsonAsync($"/api/rewards/vendors/{vendor}/payouts", new { partnerId = owner, currency = "USD" }, Cancel);
        await tooEarly.AssertProblemAsync(HttpStatusCode.Conflict);

        fixture.Clock.Offset = TimeSpan.FromDays(15);
        try
        {
            var payout = await vendorClient.PostAsJsonAsync($"/api/rewards/vendors/{vendor}/payouts", new { partnerId = owner, currency = "USD" }, Cancel);
            Assert.Equal(HttpStatusCode.OK, payout.StatusCode);
            Assert.Equal(1500m, (await payout.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("amount").GetDecimal());

            Assert.Equal(0m, (await LedgerOf(owner)).GetProperty("balances")[0].GetProperty("amount").GetDecimal());
            var programLedger = await vendorClient.GetFromJsonAsync<JsonElement>($"/api/rewards/vendors/{vendor}/ledger", Cancel);
            Assert.Equal(0m, programLedger.GetProperty("balances")[0].GetProperty("amount").GetDecimal());
            var again = await vendorClient.PostAsJsonAsync($"/api/rewards/vendors/{vendor}/payouts", new { partnerId = owner, currency = "USD" }, Cancel);
            await again.AssertProblemAsync(HttpStatusCode.Conflict);
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task The_bonus_multiplier_applies_only_to_a_tier_the_programs_vendor_attested()
    {
        var vendor = $"vendor-{Guid.NewGuid():N}"[..20];
        var (claimsPremier, attestedPremier) = (Guid.NewGuid(), Guid.NewGuid());
        fixture.Standings.Attest(attestedPremier, vendor, "premier");
        fixture.Standings.Attest(claimsPremier, $"other-{vendor}", "premier");
        var saved = await fixture.Host.CreateClient().AsVendor(vendor).PutNewAsJsonAsync($"/api/rewards/vendors/{vendor}/program", new
        {
            name = "Attested Program", currency = "USD", leadRegistrationBonus = 1000, holdingPeriodDays = 14,
            tierMultipliers = new Dictionary<string, decimal> { ["premier"] = 1.5m, ["registered"] = 1.0m },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        foreach (var owner in new[] { claimsPremier, attestedPremier })
        {
            await bus.Publish(Won(owner, 50_000m) with { VendorId = vendor, DealRegistrationId = Guid.NewGuid() }, Cancel);
        }

        var unattested = await Eventually.HoldsAsync(() => LedgerOf(claimsPremier), l => l.GetProperty("entries").GetArrayLength() == 1);
        var attested = await Eventually.HoldsAsync(() => LedgerOf(attestedPremier), l => l.GetProperty("entries").GetArrayLength() == 1);
        Assert.Equal(1000m, unattested.GetProperty("balances")[0].GetProperty("amount").GetDecimal());
        Assert.Equal(1500m, attested.GetProperty("balances")[0].GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_program_is_visible_to_its_vendor_administrators_and_attested_members_only()
    {
        var vendor = $"vendor-{Guid.NewGuid():N}"[..20];
        var (member, claimant) = (Guid.NewGuid(), Guid.NewGuid());
        fixture.Standings.Attest(member, vendor, "ready");
        var path = $"/api/rewards/vendors/{vendor}/program";
        var created = await fixture.Host.CreateClient().AsVendor(vendor).PutNewAsJsonAsync(path, new { name = "Members Only", currency = "EUR" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.CreateClient().AsVendor(vendor).GetAsync(path, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.CreateClient().AsAdmin().GetAsync(path, Cancel)).StatusCode);
        var asMember = await fixture.Host.ClientFor(member).GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, asMember.StatusCode);
        Assert.Equal("Members Only", (await asMember.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Host.ClientFor(claimant).GetAsync(path, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Host.CreateClient().AsVendor($"other-{vendor}"[..20]).GetAsync(path, Cancel)).StatusCode);
    }
}
