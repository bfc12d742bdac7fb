using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Collections.Concurrent;
using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Contracts.Matching;
using DealConflictDetected = EcosystemMarket.Contracts.V1.DealConflictDetected;
using Grpc.Core;
using EcosystemMarket.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.ServiceTests;

public sealed class MatchmakerStub : Matchmaker.MatchmakerClient
{
    public ConcurrentQueue<Guid> NextBest { get; } = new();
    /// <summary>Whole candidates for the next reply, best first, when a test reads their score and reasons.</summary>
    public ConcurrentQueue<Candidate[]> NextCandidates { get; } = new();
    public ConcurrentBag<FindPartnersRequest> Requests { get; } = [];

    public override AsyncUnaryCall<FindPartnersReply> FindPartnersAsync(FindPartnersRequest request, CallOptions options)
    {
        Requests.Add(request);
        var reply = new FindPartnersReply();
        if (NextCandidates.TryDequeue(out var candidates))
        {
            reply.Candidates.Add(candidates);
        }
        else if (NextBest.TryDequeue(out var partner))
        {
            reply.Candidates.Add(new Candidate { PartnerId = partner.ToString(), Name = "Next best" });
        }
        return new AsyncUnaryCall<FindPartnersReply>(Task.FromResult(reply), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }
}

public sealed class BrokeringFixture() : ServiceFixture<OpportunityRepository>("brokeringdb")
{
    public AdjustableClock Clock { get; } = new();
    public MatchmakerStub Matchmaker { get; } = new();
    public BrokeringDirectoryStub Directory { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<Matchmaker.MatchmakerClient>(Matchmaker);
        services.AddSingleton<IPartnerDirectoryChecks>(Directory);
    }

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Brokering:Invitations:ExpiryScanInterval"] = "00:00:00.200",
    };
}

public sealed class Brokering_service(BrokeringFixture fixture) : IClassFixture<BrokeringFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly object Posting = new
    {
        customer = new { name = "Globex Ltd", contact = "it@globex.example" },
        industry = "retail", region = "DE", size = "medium",
        needs = new[] { new { capability = "networking.sd-wan", mustHave = true } },
        estimatedValue = 120000.50m, currency = "EUR", closeDate = "2027-03-31",
    };

    private async Task<(Guid Owner, Guid Opportunity)> PostAsync()
    {
        var owner = Guid.NewGuid();
        var response = await fixture.Host.ClientFor(owner).PostAsJsonAsync("/api/opportunities", Posting, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (owner, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid());
    }

    private async Task<Guid> InviteAsync(Guid owner, Guid opportunity, Guid invitee, object? extra = null)
    {
        var response = await fixture.Host.ClientFor(owner).PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
            extra ?? new { partnerId = invitee, role = "network integrator", referralFeePercent = 7.5m }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task The_customer_is_hidden_from_an_invitee_until_it_accepts_and_from_everyone_else_always()
    {
        var (owner, opportunity) = await PostAsync();
        var invitee = Guid.NewGuid();
        var invitation = await InviteAsync(owner, opportunity, invitee);
        var inviteeClient = fixture.Host.ClientFor(invitee);

        var before = await inviteeClient.GetStringAsync($"/api/opportunities/{opportunity}", Cancel);
        Assert.DoesNotContain("Globex", before);
        Assert.DoesNotContain("globex.example", before);
        Assert.Contains("networking.sd-wan", before);

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Host.ClientFor(Guid.NewGuid()).GetAsync($"/api/opportunities/{opportunity}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Host.ClientFor(Guid.NewGuid()).GetAsync($"/api/invitations/{invitation}", Cancel)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await inviteeClient.PostAsync($"/api/invitations/{invitation}/accept", null, Cancel)).StatusCode);
        var after = await inviteeClient.GetFromJsonAsync<JsonElement>($"/api/opportunities/{opportunity}", Cancel);
        Assert.Equal("Globex Ltd", after.GetProperty("customer").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Invalid_state_changes_are_conflicts_that_change_nothing()
    {
        var (owner, opportunity) = await PostAsync();
        var invitee = Guid.NewGuid();
        var invitation = await InviteAsync(owner, opportunity, invitee);
        var inviteeClient = fixture.Host.ClientFor(invitee);

        var duplicate = await fixture.Host.ClientFor(owner).PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
            new { partnerId = invitee, role = "again", referralFeePercent = 1 }, Cancel);
        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict);

        var declined = await inviteeClient.PostAsJsonAsync($"/api/invitations/{invitation}/decline", new { reason = "No capacity this quarter" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        await (await inviteeClient.PostAsync($"/api/invitations/{invitation}/accept", null, Cancel)).AssertProblemAsync(HttpStatusCode.Conflict);

        var ownerClient = fixture.Host.ClientFor(owner);
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.PostAsync($"/api/opportunities/{opportunity}/lose", null, Cancel)).StatusCode);
        await (await ownerClient.PostAsJsonAsync($"/api/opportunities/{opportunity}/win", new { finalValue = 10 }, Cancel)).AssertProblemAsync(HttpStatusCode.Conflict);
        var state = await ownerClient.GetFromJsonAsync<JsonElement>($"/api/opportunities/{opportunity}", Cancel);
        Assert.Equal("Lost", state.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_invitation_cannot_be_accepted_after_its_deadline()
    {
        var (owner, opportunity) = await PostAsync();
        var invitee = Guid.NewGuid();
        var invitation = await InviteAsync(owner, opportunity, invitee,
            new { partnerId = invitee, role = "late joiner", referralFeePercent = 5, acceptBy = DateTimeOffset.UtcNow.AddHours(1) });

        fixture.Clock.Offset = TimeSpan.FromHours(2);
        try
        {
            var late = await fixture.Host.ClientFor(invitee).PostAsync($"/api/invitations/{invitation}/accept", null, Cancel);
            var problem = await late.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("expired", problem.GetProperty("title").GetString());
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Only_the_owner_acts_on_its_opportunity()
    {
        var (_, opportunity) = await PostAsync();
        var stranger = fixture.Host.ClientFor(Guid.NewGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/opportunities/{opportunity}/win", new { finalValue = 5 }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
            new { partnerId = Guid.NewGuid(), role = "x", referralFeePercent = 1 }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/opportunities/{opportunity}/invitations", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Invalid_postings_and_invitations_name_their_fields()
    {
        var owner = Guid.NewGuid();
        var client = fixture.Host.ClientFor(owner);
        var posting = await client.PostAsJsonAsync("/api/opportunities", new { customer = new { name = "A" }, industry = "x", region = "Germany", size = "huge",
            needs = Array.Empty<object>(), estimatedValue = -1, currency = "euro" }, Cancel);
        var problem = await posting.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["currency", "estimatedValue", "needs", "region", "size"], problem.ErrorFields().Order().ToArray());

        var (realOwner, opportunity) = await PostAsync();
        var invite = await fixture.Host.ClientFor(realOwner).PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
            new { role = "", referralFeePercent = 150 }, Cancel);
        var inviteProblem = await invite.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["partnerId", "referralFeePercent", "role"], inviteProblem.ErrorFields().Order().ToArray());
    }

    [Fact]
    public async Task Lists_page_with_a_cursor()
    {
        var owner = Guid.NewGuid();
        var client = fixture.Host.ClientFor(owner);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/opportunities", Posting, Cancel)).StatusCode);
        }
        var first = await client.GetFromJsonAsync<JsonElement>("/api/opportunities?limit=2", Cancel);
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/opportunities?limit=2&cursor={cursor}", Cancel);
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(o => o.GetProperty("id").GetGuid());
        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_draft_opens_only_when_published_and_accepting_an_invitation_starts_teaming()
    {
        var owner = Guid.NewGuid();
        var client = fixture.Host.ClientFor(owner);
        var draft = await client.PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = "Initech" }, industry = "finance", region = "US", size = "small",
            needs = new[] { new { capability = "security", mustHave = true } }, estimatedValue = 5000, currency = "USD", draft = true,
        }, Cancel);
        var opportunity = (await draft.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Assert.Equal("Draft", await StatusOf(client, opportunity));

        var early = await client.PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations", new { partnerId = Guid.NewGuid(), role = "x", referralFeePercent = 1 }, Cancel);
        await early.AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/opportunities/{opportunity}/publish", null, Cancel)).StatusCode);
        var invitee = Guid.NewGuid();
        var invitation = await InviteAsync(owner, opportunity, invitee, new
        {
            partnerId = invitee, role = "designer", reward = new { kind = "fixed-fee", amount = 750 },
        });
        await fixture.Host.ClientFor(invitee).PostAsync($"/api/invitations/{invitation}/accept", null, Cancel);
        Assert.Equal("Teaming", await StatusOf(client, opportunity));

        var invitations = await client.GetFromJsonAsync<JsonElement>($"/api/opportunities/{opportunity}/invitations", Cancel);
        var reward = invitations[0].GetProperty("reward");
        Assert.Equal(("fixed-fee", 750m), (reward.GetProperty("kind").GetString(), reward.GetProperty("amount").GetDecimal()));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/opportunities/{opportunity}/win", new { finalValue = 6000 }, Cancel)).StatusCode);
        var reversed = await client.PostAsJsonAsync($"/api/opportunities/{opportunity}/reverse", new { reason = "Customer cancelled the order" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, reversed.StatusCode);
        Assert.Equal("Reversed", await StatusOf(client, opportunity));
        await (await client.PostAsync($"/api/opportunities/{opportunity}/withdraw", null, Cancel)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Offers_beyond_the_deals_value_are_refused_naming_the_limit_and_what_remains()
    {
        var (owner, opportunity) = await PostAsync();
        await InviteAsync(owner, opportunity, Guid.NewGuid(), new { partnerId = Guid.NewGuid(), role = "lead", reward = new { kind = "fixed-fee", amount = 100000 } });

        var refused = await fixture.Host.ClientFor(owner).PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
            new { partnerId = Guid.NewGuid(), role = "helper", referralFeePercent = 20 }, Cancel);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("120000.5 EUR", problem.GetProperty("detail").GetString());
        Assert.Contains("20000.5 EUR remains", problem.GetProperty("detail").GetString());
        Assert.Single(await fixture.Host.ClientFor(owner).GetFromJsonAsync<JsonElement[]>($"/api/opportunities/{opportunity}/invitations", Cancel) ?? []);
    }

    [Fact]
    public async Task Only_registered_active_partners_post_invite_accept_and_register_and_only_they_are_invited()
    {
        var (owner, opportunity) = await PostAsync();
        var (unregistered, deactivated, invitee) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        fixture.Directory.Standings[unregistered] = Brokering.Model.PartnerStanding.Unregistered;
        fixture.Directory.Standings[deactivated] = Brokering.Model.PartnerStanding.Deactivated;
        var invitation = await InviteAsync(owner, opportunity, invitee);

        foreach (var refused in new[] { unregistered, deactivated })
        {
            var invited = await fixture.Host.ClientFor(owner).PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
                new { partnerId = refused, role = "network integrator", referralFeePercent = 5m }, Cancel);
            Assert.Contains(refused.ToString(), (await invited.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        }
        fixture.Directory.Standings[invitee] = Brokering.Model.PartnerStanding.Deactivated;
        var accepted = await fixture.Host.ClientFor(invitee).PostAsync($"/api/invitations/{invitation}/accept", null, Cancel);
        Assert.Equal("The partner is deactivated.", (await accepted.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("title").GetString());
        var declined = await fixture.Host.ClientFor(invitee).PostAsJsonAsync($"/api/invitations/{invitation}/decline", new { reason = "We closed down." }, Cancel);
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);

        fixture.Directory.Standings[owner] = Brokering.Model.PartnerStanding.Deactivated;
        await (await fixture.Host.ClientFor(owner).PostAsJsonAsync("/api/opportunities", Posting, Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await fixture.Host.ClientFor(owner).PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
            new { partnerId = Guid.NewGuid(), role = "network integrator", referralFeePercent = 5m }, Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await fixture.Host.ClientFor(owner).PostAsJsonAsync("/api/deal-registrations",
            new { vendorId = "acme", customerName = "Globex Ltd", scope = new[] { "networking.sd-wan" } }, Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await fixture.Host.ClientFor(unregistered).PostAsJsonAsync("/api/opportunities", Posting, Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Needs_name_known_capability_codes_or_the_answer_suggests_the_closest()
    {
        var posting = new
        {
            customer = new { name = "Globex Ltd" }, industry = "retail", region = "DE", size = "medium",
            needs = new[] { new { capability = "networking.sd-wan", mustHave = true }, new { capability = "storage.bakup", mustHave = false } },
            estimatedValue = 1000m, currency = "EUR",
        };

        var refused = await fixture.Host.ClientFor(Guid.NewGuid()).PostAsJsonAsync("/api/opportunities", posting, Cancel);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.False(errors.TryGetProperty("needs[0].capability", out _));
        Assert.Contains("'storage.backup'", errors.GetProperty("needs[1].capability")[0].GetString());
    }

    [Fact]
    public async Task Reward_terms_are_validated_by_kind()
    {
        var (owner, opportunity) = await PostAsync();
        var client = fixture.Host.ClientFor(owner);
        var url = $"/api/opportunities/{opportunity}/invitations";

        var noAmount = await client.PostAsJsonAsync(url, new { partnerId = Guid.NewGuid(), role = "x", reward = new { kind = "fixed-fee", percent = 5 } }, Cancel);
        Assert.Contains("reward.amount", (await noAmount.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var unknownKind = await client.PostAsJsonAsync(url, new { partnerId = Guid.NewGuid(), role = "x", reward = new { kind = "bounty" } }, Cancel);
        Assert.Contains("reward", (await unknownKind.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var share = await client.PostAsJsonAsync(url, new { partnerId = Guid.NewGuid(), role = "x", reward = new { kind = "revenue-share", percent = 101 } }, Cancel);
        Assert.Contains("reward.percent", (await share.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task An_unanswered_invitation_expires_on_its_own_and_the_next_best_partner_is_invited_when_the_owner_allows()
    {
        var owner = Guid.NewGuid();
        var client = fixture.Host.ClientFor(owner);
        var posted = await client.PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = "Umbrella" }, industry = "health", region = "GB", size = "large",
            needs = new[] { new { capability = "cloud.migration", mustHave = true } }, estimatedValue = 90000, currency = "GBP", autoInviteNextBest = true,
        }, Cancel);
        var opportunity = (await posted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var (silent, nextBest) = (Guid.NewGuid(), Guid.NewGuid());
        var invitation = await InviteAsync(owner, opportunity, silent,
            new { partnerId = silent, role = "migration lead", referralFeePercent = 4, acceptBy = fixture.Clock.GetUtcNow().AddHours(1) });
        fixture.Matchmaker.NextBest.Enqueue(nextBest);

        fixture.Clock.Offset = TimeSpan.FromHours(2);
        try
        {
            var invitations = await Eventually.HoldsAsync(
                () => client.GetFromJsonAsync<JsonElement>($"/api/opportunities/{opportunity}/invitations", Cancel),
                list => list.GetArrayLength() == 2);

            var byInvitee = invitations.EnumerateArray().ToDictionary(i => i.GetProperty("inviteePartnerId").GetGuid());
            Assert.Equal("Expired", byInvitee[silent].GetProperty("status").GetString());
            Assert.Equal("Pending", byInvitee[nextBest].GetProperty("status").GetString());
            Assert.Equal(4m, byInvitee[nextBest].GetProperty("reward").GetProperty("percent").GetDecimal());
            Assert.Contains(fixture.Matchmaker.Requests, r => r.OwnerPartnerId == owner.ToString() && r.ExcludedPartnerIds.Contains(silent.ToString()));

            var late = await fixture.Host.ClientFor(silent).PostAsync($"/api/invitations/{invitation}/accept", null, Cancel);
            await late.AssertProblemAsync(HttpStatusCode.Conflict);
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }
    }

    private static async Task<string?> StatusOf(HttpClient client, Guid opportunity) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/opportunities/{opportunity}", Cancel)).GetProperty("status").GetString();

    [Fact]
    public async Task Deal_registration_protects_the_first_registrant_flags_later_ones_and_poaching_and_keeps_its_chain_intact()
    {
        var vendor = $"vendor-{Guid.NewGuid():N}"[..20];
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var registered = await fixture.Host.ClientFor(first).PostAsJsonAsync("/api/deal-registrations",
            new { vendorId = vendor, customerName = "Hooli Inc.", scope = new[] { "storage" } }, Cancel);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var protectedOne = await registered.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(protectedOne.GetProperty("protected").GetBoolean());

        var later = await fixture.Host.ClientFor(second).PostAsJsonAsync("/api/deal-registrations",
            new { vendorId = vendor, customerName = "HOOLI", scope = new[] { "storage.backup" } }, Cancel);
        var conflict = await later.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.False(conflict.GetProperty("protected").GetBoolean());
        Assert.True(conflict.GetProperty("inConflict").GetBoolean());
        // The registrant learns of the conflict, never of the other registration: only the vendor sees with which.
        Assert.False(conflict.TryGetProperty("conflictsWithId", out _));

        // An invitee that registers the customer it learned about through an invitation is flagged as poaching.
        var (owner, opportunity) = await PostAsync();
        var invitee = Guid.NewGuid();
        await InviteAsync(owner, opportunity, invitee);
        HttpResponseMessage poached = null!;
        var detected = await fixture.ReceiveEventAsync(nameof(DealConflictDetected), e => e.GetProperty("registrantPartnerId").GetGuid() == invitee,
            async () => poached = await fixture.Host.ClientFor(invitee).PostAsJsonAsync("/api/deal-registrations",
                new { vendorId = vendor, customerName = "Globex Limited", scope = new[] { "networking" } }, Cancel));
        // Matching counts it against the pair: the partner whose invitation showed the customer, and the poacher.
        Assert.Equal([owner], detected.GetProperty("poachedFromPartnerIds").EnumerateArray().Select(id => id.GetGuid()));
        Assert.Equal([DealConflictDetected.Poaching], detected.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        var poaching = await poached.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(poaching.GetProperty("poaching").GetBoolean());
        Assert.False(poaching.GetProperty("protected").GetBoolean());

        var vendorClient = fixture.Host.CreateClient().AsVendor(vendor);
        var seen = await vendorClient.GetFromJsonAsync<JsonElement>("/api/deal-registrations", Cancel);
        Assert.Equal(3, seen.GetArrayLength());
        Assert.Equal(protectedOne.GetProperty("id").GetGuid(), seen.EnumerateArray()
            .Single(r => r.GetProperty("id").GetGuid() == conflict.GetProperty("id").GetGuid()).GetProperty("conflictsWithId").GetGuid());
        var chain = await vendorClient.GetFromJsonAsync<JsonElement>("/api/deal-registrations/chain", Cancel);
        Assert.True(chain.GetProperty("intact").GetBoolean());

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Host.ClientFor(second).GetAsync($"/api/deal-registrations/{protectedOne.GetProperty("id").GetGuid()}", Cancel)).StatusCode);
        var invalid = await fixture.Host.ClientFor(first).PostAsJsonAsync("/api/deal-registrations", new { vendorId = "Net App", customerName = "", scope = Array.Empty<string>() }, Cancel);
        Assert.Equal(["customerName", "scope", "vendorId"], (await invalid.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().Order().ToArray());
    }
}
