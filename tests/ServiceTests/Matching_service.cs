using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.Contracts.V1;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.Matching.Infrastructure;
using EcosystemMarket.TestSupport;
using EcosystemMarket.ServiceDefaults.Authentication;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.ServiceTests;

/// <summary>The partner directory as Matching's bootstrap reads it, standing in for Partners' gRPC stream.</summary>
public sealed class DirectoryStub : IPartnerSource
{
    public List<PartnerSnapshot> Partners { get; } = [];

    public async IAsyncEnumerable<PartnerSnapshot> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var partner in Partners)
        {
            await Task.Yield();
            yield return partner;
        }
    }
}

public sealed class MatchingFixture() : ServiceFixture<TrackRecordStore>("matchingdb")
{
    public static readonly Guid Bootstrapped = Guid.NewGuid();

    public DirectoryStub Directory { get; } = new()
    {
        Partners =
        {
            new PartnerSnapshot
            {
                PartnerId = Bootstrapped, Name = "Known Before Start", PartnerFunction = "service", Category = "consulting-deployment",
                Tier = "premier", Regions = ["FR"], Active = true, Version = 3,
                Capabilities = [new AdvertisedCapability { Code = "cloud.migration", Proficiency = "expert" }],
            },
        },
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IPartnerSource>(Directory);

    /// <summary>Matchmaker as Brokering calls it, with a service token addressed to Matching.</summary>
    public Matchmaker.MatchmakerClient Matchmaker() => Matchmaker(TestTokens.Service("brokering", "matching"));

    /// <param name="token">Null calls anonymously.</param>
    public Matchmaker.MatchmakerClient Matchmaker(string? token) => new(GrpcChannels.To(Host.Server, token));
}

public sealed class Matching_service(MatchingFixture fixture) : IClassFixture<MatchingFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static PartnerRegistered Registered(Guid id, string name, bool active, params string[] capabilities) => new()
    {
        Partner = new PartnerSnapshot
        {
            PartnerId = id, Name = name, PartnerFunction = "solution", Category = "isv", Tier = "ready",
            Regions = ["US"], Active = active, Version = 1,
            Capabilities = capabilities.Select(c => new AdvertisedCapability { Code = c, Proficiency = "advanced" }).ToList(),
        },
        OccurredAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task Partners_events_feed_the_index_that_FindPartners_ranks_over_gRPC()
    {
        var (owner, storage, rival, inactive, both) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        await bus.Publish(Registered(owner, "Owner VAR", true, "software"), Cancel);
        await bus.Publish(Registered(storage, "Storage Specialist", true, "storage"), Cancel);
        await bus.Publish(Registered(rival, "Software Rival", true, "software"), Cancel);
        await bus.Publish(Registered(inactive, "Dormant Storage", false, "storage"), Cancel);
        await bus.Publish(Registered(both, "Full Stack", true, "software", "storage", "backup"), Cancel);

        var request = new FindPartnersRequest
        {
            OwnerPartnerId = owner.ToString(),
            Region = "US",
            Needs = { new Need { Capability = "software", MustHave = true }, new Need { Capability = "storage", MustHave = true }, new Need { Capability = "backup" } },
        };
        // Other tests of the fixture index partners of their own: this test reads only its five.
        var mine = new[] { owner, storage, rival, inactive, both }.Select(id => id.ToString()).ToHashSet();
        var reply = await Eventually.HoldsAsync(
            async () => await fixture.Matchmaker().FindPartnersAsync(request, cancellationToken: Cancel),
            r => r.OwnerLacks.Count == 2 && r.Candidates.Count(c => mine.Contains(c.PartnerId)) == 2, // every event indexed, the owner's included
            TimeSpan.FromSeconds(60));

        Assert.Equal([both.ToString(), storage.ToString()], reply.Candidates.Select(c => c.PartnerId).Where(mine.Contains).ToArray());
        Assert.Equal(["backup", "storage"], reply.OwnerLacks.Order().ToArray());
        Assert.Contains("covers storage (must-have)", reply.Candidates.Single(c => c.PartnerId == storage.ToString()).Reasons);
    }

    [Fact]
    public async Task An_ally_Brokering_names_ranks_first_among_complementary_partners_and_says_it_is_an_ally()
    {
        var (owner, strong, ally, rivalAlly) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        await bus.Publish(Registered(owner, "Ally Owner", true, "software"), Cancel);
        await bus.Publish(Registered(strong, "Strong Stranger", true, "storage", "backup"), Cancel);
        await bus.Publish(Registered(ally, "Modest Ally", true, "backup"), Cancel);
        await bus.Publish(Registered(rivalAlly, "Rival Ally", true, "software"), Cancel);
        var request = new FindPartnersRequest
        {
            OwnerPartnerId = owner.ToString(), Region = "US", Limit = 100,
            Needs = { new Need { Capability = "software", MustHave = true }, new Need { Capability = "storage", MustHave = true }, new Need { Capability = "backup" } },
            AllyPartnerIds = { ally.ToString(), rivalAlly.ToString() },
        };
        var mine = new[] { strong, ally, rivalAlly }.Select(id => id.ToString()).ToHashSet();

        var reply = await Eventually.HoldsAsync(async () => await fixture.Matchmaker().FindPartnersAsync(request, cancellationToken: Cancel),
            r => r.OwnerLacks.Count == 2 && r.Candidates.Count(c => mine.Contains(c.PartnerId)) == 2, TimeSpan.FromSeconds(60));

        // The ally covers less than the stranger but comes first; the ally that brings only what the owner brings never appears.
        Assert.Equal(ally.ToString(), reply.Candidates[0].PartnerId);
        Assert.Equal([ally.ToString(), strong.ToString()], reply.Candidates.Select(c => c.PartnerId).Where(mine.Contains).ToArray());
        Assert.Equal("In an alliance with you", reply.Candidates[0].Reasons[0]);
        Assert.Equal("alliance", reply.Candidates[0].Breakdown[0].Name);
        Assert.DoesNotContain("In an alliance with you", reply.Candidates.Single(c => c.PartnerId == strong.ToString()).Reasons);
    }

    [Fact]
    public async Task A_certification_earns_points_only_once_a_snapshot_says_its_vendor_attested_it()
    {
        var (owner, certified) = (Guid.NewGuid(), Guid.NewGuid());
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        var certification = new CertificationSnapshot
        {
            Vendor = "netapp", Name = "NetApp Storage Professional", Level = "professional",
            IssuedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1), Capabilities = ["storage"],
        };
        var claimed = Registered(certified, "Claims A Certificate", true, "storage").Partner with { Certifications = [certification] };
        await bus.Publish(Registered(owner, "Owner Of A Storage Need", true, "software"), Cancel);
        await bus.Publish(new PartnerRegistered { Partner = claimed, OccurredAt = DateTimeOffset.UtcNow }, Cancel);
        var request = new FindPartnersRequest
        {
            OwnerPartnerId = owner.ToString(), Region = "US", Needs = { new Need { Capability = "storage", MustHave = true } }, Limit = 100,
        };
        async Task<Candidate?> CandidateAsync() =>
            (await fixture.Matchmaker().FindPartnersAsync(request, cancellationToken: Cancel)).Candidates.SingleOrDefault(c => c.PartnerId == certified.ToString());

        var unattested = await Eventually.HoldsAsync(CandidateAsync, c => c is not null, TimeSpan.FromSeconds(60));
        await bus.Publish(new PartnerProfileUpdated
        {
            Partner = claimed with { Version = 2, Certifications = [certification with { Attested = true }] }, OccurredAt = DateTimeOffset.UtcNow,
        }, Cancel);
        var attested = await Eventually.HoldsAsync(CandidateAsync, c => c is not null && c.Score > unattested!.Score, TimeSpan.FromSeconds(60));

        Assert.DoesNotContain(unattested!.Reasons, r => r.StartsWith("certified by", StringComparison.Ordinal));
        Assert.Contains("certified by 1 vendor (netapp)", attested!.Reasons);
        Assert.Equal(5, attested.Score - unattested.Score, precision: 6);
    }

    [Fact]
    public async Task The_index_bootstraps_from_the_directory_and_reports_ready()
    {
        var health = await Eventually.HoldsAsync(async () => await fixture.Host.CreateClient().GetAsync("/health", Cancel), r => r.IsSuccessStatusCode);
        Assert.True(health.IsSuccessStatusCode);

        var owner = Guid.NewGuid();
        var reply = await fixture.Matchmaker().FindPartnersAsync(new FindPartnersRequest
        {
            OwnerPartnerId = owner.ToString(),
            Needs = { new Need { Capability = "cloud", MustHave = true } },
        }, cancellationToken: Cancel);
        var candidate = Assert.Single(reply.Candidates);
        Assert.Equal(MatchingFixture.Bootstrapped.ToString(), candidate.PartnerId);
        Assert.Contains(candidate.Breakdown, part => part.Name == "tier" && part.Points > 0);
    }

    [Fact]
    public async Task Brokering_events_build_the_track_record_that_ranks_and_the_relationship_health_a_partner_reads()
    {
        var (owner, reliable, silent) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        await bus.Publish(Registered(owner, "Owner", true, "software"), Cancel);
        await bus.Publish(Registered(reliable, "Reliable", true, "security"), Cancel);
        await bus.Publish(Registered(silent, "Silent", true, "security"), Cancel);

        var opportunity = Guid.NewGuid();
        var invitation = Guid.NewGuid();
        var invitedAt = DateTimeOffset.UtcNow.AddHours(-3);
        await bus.Publish(new InvitationAccepted { InvitationId = invitation, OpportunityId = opportunity, OwnerPartnerId = owner, InviteePartnerId = reliable, OccurredAt = invitedAt.AddHours(2) }, Cancel);
        await bus.Publish(new PartnerInvited { InvitationId = invitation, OpportunityId = opportunity, OwnerPartnerId = owner, InviteePartnerId = reliable, Role = "security", AcceptBy = invitedAt.AddDays(3), OccurredAt = invitedAt }, Cancel);
        await bus.Publish(new OpportunityWon
        {
            OpportunityId = opportunity, OwnerPartnerId = owner, FinalValue = 1000, Currency = "USD", OccurredAt = DateTimeOffset.UtcNow,
            Team = [new TeamMemberTerms { PartnerId = reliable, Role = "security", Reward = new RewardTerms { Kind = RewardTerms.ReferralFee, Percent = 5 } }],
        }, Cancel);

        var request = new FindPartnersRequest { OwnerPartnerId = owner.ToString(), Needs = { new Need { Capability = "security", MustHave = true } } };
        var reply = await Eventually.HoldsAsync(async () => await fixture.Matchmaker().FindPartnersAsync(request, cancellationToken: Cancel),
            r => r.Candidates.Count == 2 && r.Candidates[0].Reasons.Contains("won 1 deal with you")
                 && r.Candidates[0].Reasons.Contains("accepted 1 of 1 invitations, median 2 h")); // the win and the invitation arrive on separate queues
        Assert.Equal([reliable.ToString(), silent.ToString()], reply.Candidates.Select(c => c.PartnerId).ToArray());
        Assert.Contains("accepted 1 of 1 invitations, median 2 h", reply.Candidates[0].Reasons);

        var health = await fixture.Host.ClientFor(owner).GetFromJsonAsync<JsonElement>("/api/matching/relationships?windowDays=30", Cancel);
        var pair = Assert.Single(health.GetProperty("pairs").EnumerateArray());
        Assert.Equal(reliable, pair.GetProperty("counterpartId").GetGuid());
        Assert.Equal(1, pair.GetProperty("winsTogether").GetInt32());
        Assert.Equal("Reliable", health.GetProperty("names").GetProperty(reliable.ToString()).GetString());
        Assert.Equal("Owner", health.GetProperty("names").GetProperty(owner.ToString()).GetString());

        var forbidden = await fixture.Host.ClientFor(owner).GetAsync($"/api/matching/relationships?partnerId={reliable}", Cancel);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, forbidden.StatusCode);

        // Persisted once, from the shared queue: a restarted replica would find the same facts.
        var reloaded = new EcosystemMarket.Matching.Model.TrackRecord();
        await Eventually.HoldsAsync(async () =>
        {
            await new TrackRecordStore(fixture.Host.Services.GetRequiredService<EcosystemMarket.Data.Database>(), reloaded).LoadAsync(Cancel);
            return (Wins: reloaded.WinsTogether(owner, reliable), reloaded.For(reliable).Accepted);
        }, facts => facts is { Wins: 1, Accepted: 1 });
        Assert.Equal(1, reloaded.For(reliable).Accepted);
    }

    [Fact]
    public async Task FindPartners_rejects_a_request_without_needs()
    {
        var owner = Guid.NewGuid();
        var failure = await Assert.ThrowsAsync<RpcException>(async () =>
            await fixture.Matchmaker().FindPartnersAsync(new FindPartnersRequest { OwnerPartnerId = owner.ToString() }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
    }

    [Fact]
    public async Task Matchmaker_answers_only_a_service_token_addressed_to_Matching()
    {
        var owner = Guid.NewGuid();
        var request = new FindPartnersRequest { OwnerPartnerId = owner.ToString(), Needs = { new Need { Capability = "cloud", MustHave = true } } };

        async Task<StatusCode> Refusal(string? token) => (await Assert.ThrowsAsync<RpcException>(async () =>
            await fixture.Matchmaker(token).FindPartnersAsync(request, cancellationToken: Cancel))).StatusCode;

        Assert.Equal(StatusCode.Unauthenticated, await Refusal(token: null));
        // Another tenant's user token reveals no one's track record.
        Assert.Equal(StatusCode.Unauthenticated, await Refusal(TestTokens.Partner(Guid.NewGuid())));
        Assert.Equal(StatusCode.Unauthenticated, await Refusal(TestTokens.Service("brokering", callee: "partners")));
        Assert.Equal(StatusCode.PermissionDenied, await Refusal(TestTokens.Signed("ecosystemmarket-matching",
            (ClaimNames.Subject, "someone"), (ClaimNames.Role, Roles.Admin))));

        var reply = await fixture.Matchmaker(TestTokens.Service("brokering", "matching")).FindPartnersAsync(request, cancellationToken: Cancel);
        Assert.Contains(reply.Candidates, c => c.PartnerId == MatchingFixture.Bootstrapped.ToString());
    }

    [Fact]
    public async Task An_admin_sees_the_relationships_of_every_pair_and_a_partner_only_its_own()
    {
        var (firstOwner, firstInvitee, secondOwner, secondInvitee) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        foreach (var (owner, invitee) in new[] { (firstOwner, firstInvitee), (secondOwner, secondInvitee) })
        {
            await bus.Publish(new PartnerInvited
            {
                InvitationId = Guid.NewGuid(), OpportunityId = Guid.NewGuid(), OwnerPartnerId = owner, InviteePartnerId = invitee, Role = "security",
                AcceptBy = DateTimeOffset.UtcNow.AddDays(3), OccurredAt = DateTimeOffset.UtcNow.AddHours(-1),
            }, Cancel);
        }

        var admin = fixture.Host.CreateClient().AsAdmin();
        static IEnumerable<(Guid, Guid)> Pairs(JsonElement view) => view.GetProperty("pairs").EnumerateArray()
            .Select(p => (p.GetProperty("partnerId").GetGuid(), p.GetProperty("counterpartId").GetGuid()));
        // Every page, one pair at a time: the admin's list holds the other tests' pairs too.
        async Task<List<(Guid, Guid)>> AllPairsAsync()
        {
            var (pairs, cursor) = (new List<(Guid, Guid)>(), (string?)null);
            do
            {
                var page = await admin.GetFromJsonAsync<JsonElement>($"/api/matching/relationships?windowDays=30&limit=1&cursor={cursor}", Cancel);
                pairs.AddRange(Pairs(page));
                cursor = page.GetProperty("nextCursor").GetString();
            }
            while (cursor is not null);
            return pairs;
        }
        var seen = await Eventually.HoldsAsync(AllPairsAsync,
            all => all.Count(p => p.Item1 == firstOwner || p.Item2 == firstOwner || p.Item1 == secondOwner || p.Item2 == secondOwner) == 2);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Contains(seen, p => (p.Item1, p.Item2) == (firstOwner, firstInvitee) || (p.Item1, p.Item2) == (firstInvitee, firstOwner));
        Assert.Contains(seen, p => (p.Item1, p.Item2) == (secondOwner, secondInvitee) || (p.Item1, p.Item2) == (secondInvitee, secondOwner));

        var own = await fixture.Host.ClientFor(firstOwner).GetFromJsonAsync<JsonElement>("/api/matching/relationships?windowDays=30", Cancel);
        Assert.Equal([(firstOwner, firstInvitee)], Pairs(own).ToArray());
    }

    [Fact]
    public async Task Deal_conflicts_count_against_the_pairs_they_set_against_each_other_and_are_kept()
    {
        var (partner, rival, poacher) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        var overlap = new DealConflictDetected
        {
            RegistrationId = Guid.NewGuid(), VendorId = "northwind", RegistrantPartnerId = rival, ProtectedPartnerId = partner,
            Kinds = [DealConflictDetected.Overlap], OccurredAt = DateTimeOffset.UtcNow.AddHours(-2),
        };
        await bus.Publish(overlap, Cancel);
        await bus.Publish(overlap, Cancel); // delivered twice, counted once
        await bus.Publish(new DealConflictDetected
        {
            RegistrationId = Guid.NewGuid(), VendorId = "northwind", RegistrantPartnerId = poacher, PoachedFromPartnerIds = [partner],
            Kinds = [DealConflictDetected.Poaching], OccurredAt = DateTimeOffset.UtcNow.AddHours(-1),
        }, Cancel);

        var health = await Eventually.HoldsAsync(
            () => fixture.Host.ClientFor(partner).GetFromJsonAsync<JsonElement>("/api/matching/relationships?windowDays=30", Cancel),
            view => view.GetProperty("total").GetInt32() == 2);
        var conflicts = health.GetProperty("pairs").EnumerateArray()
            .ToDictionary(p => p.GetProperty("counterpartId").GetGuid(), p => p.GetProperty("conflicts").GetInt32());
        Assert.Equal(new Dictionary<Guid, int> { [rival] = 1, [poacher] = 1 }, conflicts);

        var reloaded = new EcosystemMarket.Matching.Model.TrackRecord();
        await Eventually.HoldsAsync(async () =>
        {
            await new TrackRecordStore(fixture.Host.Services.GetRequiredService<EcosystemMarket.Data.Database>(), reloaded).LoadAsync(Cancel);
            return reloaded.FactsOf(partner).Conflicts.Count;
        }, count => count == 2);
        Assert.Equal(2, reloaded.FactsOf(partner).Conflicts.Count);
    }

    [Fact]
    public async Task A_program_shows_the_pairs_of_its_members_to_its_vendor_and_to_an_administrator_who_names_it()
    {
        var program = $"vendor-{Guid.NewGuid():N}"[..20];
        var (member, outsider, other, another) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        // Not "storage": the ranking test counts the storage partners of the shared index.
        var registered = Registered(member, "Program Member", true, "networking");
        await bus.Publish(registered with { Partner = registered.Partner with { ProgramMemberships = [program] } }, Cancel);
        foreach (var (owner, invitee) in new[] { (outsider, member), (other, another) })
        {
            await bus.Publish(new PartnerInvited
            {
                InvitationId = Guid.NewGuid(), OpportunityId = Guid.NewGuid(), OwnerPartnerId = owner, InviteePartnerId = invitee, Role = "storage",
                AcceptBy = DateTimeOffset.UtcNow.AddDays(3), OccurredAt = DateTimeOffset.UtcNow.AddHours(-1),
            }, Cancel);
        }

        async Task<IReadOnlyList<Guid>> PairedWithMemberAsync(HttpClient client, string query) =>
            (await Eventually.HoldsAsync(() => client.GetFromJsonAsync<JsonElement>($"/api/matching/relationships?windowDays=30{query}", Cancel),
                view => view.GetProperty("total").GetInt32() >= 1))
            .GetProperty("pairs").EnumerateArray().SelectMany(p => new[] { p.GetProperty("partnerId").GetGuid(), p.GetProperty("counterpartId").GetGuid() }).ToList();

        var asVendor = await PairedWithMemberAsync(fixture.Host.CreateClient().AsVendor(program), "");
        var asAdmin = await PairedWithMemberAsync(fixture.Host.CreateClient().AsAdmin(), $"&vendor={program}");

        Assert.Equal(new[] { member, outsider }.Order(), asVendor.Order());
        Assert.Equal(new[] { member, outsider }.Order(), asAdmin.Order());
    }

    [Fact]
    public async Task Relationships_come_most_active_first_a_page_at_a_time()
    {
        var (owner, twice, once, never) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        foreach (var (partner, wins) in new[] { (never, 0), (once, 1), (twice, 2) })
        {
            await bus.Publish(new PartnerInvited
            {
                InvitationId = Guid.NewGuid(), OpportunityId = Guid.NewGuid(), OwnerPartnerId = owner, InviteePartnerId = partner, Role = "security",
                AcceptBy = DateTimeOffset.UtcNow.AddDays(3), OccurredAt = DateTimeOffset.UtcNow.AddHours(-1),
            }, Cancel);
            for (var i = 0; i < wins; i++)
            {
                await bus.Publish(new OpportunityWon
                {
                    OpportunityId = Guid.NewGuid(), OwnerPartnerId = owner, FinalValue = 1000, Currency = "USD", OccurredAt = DateTimeOffset.UtcNow,
                    Team = [new TeamMemberTerms { PartnerId = partner, Role = "security", Reward = new RewardTerms { Kind = RewardTerms.ReferralFee, Percent = 5 } }],
                }, Cancel);
            }
        }
        var client = fixture.Host.ClientFor(owner);
        Task<JsonElement> PageAsync(string? cursor) => client.GetFromJsonAsync<JsonElement>($"/api/matching/relationships?windowDays=30&limit=1&cursor={cursor}", Cancel);
        static Guid Counterpart(JsonElement page) => Assert.Single(page.GetProperty("pairs").EnumerateArray()).GetProperty("counterpartId").GetGuid();

        var first = await Eventually.HoldsAsync(() => PageAsync(null),
            page => page.GetProperty("total").GetInt32() == 3 && page.GetProperty("pairs")[0].GetProperty("winsTogether").GetInt32() == 2);
        Assert.Equal(twice, Counterpart(first));
        var second = await PageAsync(first.GetProperty("nextCursor").GetString());
        Assert.Equal(once, Counterpart(second));
        var third = await PageAsync(second.GetProperty("nextCursor").GetString());
        Assert.Equal(never, Counterpart(third));
        Assert.Equal(JsonValueKind.Null, third.GetProperty("nextCursor").ValueKind);

        var tooMany = await client.GetAsync("/api/matching/relationships?limit=1000", Cancel);
        Assert.Contains("limit", (await tooMany.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest)).ErrorFields());
        var forged = await client.GetAsync($"/api/matching/relationships?cursor={new EcosystemMarket.ServiceDefaults.Paging.PageCursor("not-a-rank", owner).Encode()}", Cancel);
        Assert.Contains("cursor", (await forged.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest)).ErrorFields());
    }
}
