using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Matching.Model;

namespace EcosystemMarket.UnitTests;

public class Complement_ranking
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Guid OwnerId = Guid.Parse("00000000-0000-0000-0000-0000000000aa");
    private readonly PartnerIndex _index = new();
    private readonly TrackRecord _record = new();

    private Guid Add(string name, string[] capabilities, string tier = "registered", string[]? regions = null, string[]? verticals = null,
        bool active = true, Guid? id = null, string proficiency = "intermediate", CertificationSnapshot[]? certifications = null, long version = 1,
        Guid? blueprint = null)
    {
        var partnerId = id ?? Guid.NewGuid();
        _index.Apply(new PartnerSnapshot
        {
            PartnerId = partnerId, Name = name, PartnerFunction = "solution", Category = "isv", Tier = tier,
            Regions = regions ?? ["US"], Verticals = verticals ?? [], Active = active, Version = version,
            Capabilities = capabilities.Select(c => new AdvertisedCapability { Code = c, Proficiency = proficiency }).ToList(),
            Certifications = certifications ?? [],
            Solutions = blueprint is { } adopted
                ? [new SolutionSnapshot { Name = "Adopted", PlatformVendor = "vendor-a", Capabilities = capabilities, BlueprintId = adopted }]
                : [],
        });
        return partnerId;
    }

    private MatchResult Rank(Need[] needs, string? region = null, string? vertical = null, Guid[]? excluded = null, int limit = 10, Guid[]? allies = null,
        Guid? blueprint = null) =>
        _index.Read(view => ComplementRanker.Rank(
            new MatchRequest(OwnerId, needs, region, vertical, new HashSet<Guid>(excluded ?? []), limit, allies is null ? null : new HashSet<Guid>(allies))
            {
                Blueprint = blueprint,
            },
            view, _record, Today));

    private static Need Must(string code) => new(code, true);
    private static Need Nice(string code) => new(code, false);

    private static CertificationSnapshot Certification(string vendor, string capability, DateOnly? expires = null, bool attested = true) => new()
    {
        Vendor = vendor, Name = $"{vendor} {capability}", Level = "professional", IssuedOn = new DateOnly(2024, 1, 1), ExpiresOn = expires, Capabilities = [capability],
        Attested = attested,
    };

    [Fact]
    public void Never_suggests_the_owner_an_inactive_or_an_excluded_partner()
    {
        Add("Owner", ["storage"], id: OwnerId);
        Add("Dormant", ["security"], tier: "premier", active: false);
        var excluded = Add("Excluded", ["security"], tier: "premier");
        var other = Add("Other", ["security"]);

        var result = Rank([Must("security")], excluded: [excluded]);

        Assert.Equal([other], result.Candidates.Select(c => c.PartnerId));
    }

    [Fact]
    public void Partners_delivering_the_blueprint_rank_first_among_equal_coverage_and_say_so_but_coverage_still_comes_first()
    {
        var blueprint = Guid.NewGuid();
        Add("Owner", ["storage"], id: OwnerId);
        var ready = Add("Ready tier, no blueprint", ["security"], tier: "ready");
        var adopter = Add("Adopter", ["security"], blueprint: blueprint);
        var otherBlueprint = Add("Other blueprint", ["security"], blueprint: Guid.NewGuid());
        var broader = Add("Broader, no blueprint", ["security", "networking"]);

        var result = Rank([Must("security"), Nice("networking")], blueprint: blueprint);

        Assert.Equal([broader, adopter, ready, otherBlueprint], result.Candidates.Select(c => c.PartnerId));
        var delivers = Assert.Single(result.Candidates[1].Breakdown, p => p.Name == "blueprint");
        Assert.Equal(5, delivers.Points);
        Assert.Contains("blueprint", delivers.Explanation);
        Assert.All(result.Candidates.Where(c => c.PartnerId != adopter), c => Assert.DoesNotContain(c.Breakdown, p => p.Name == "blueprint"));

        // Without a blueprint on the opportunity, adopting one earns nothing: the ready tier ranks above it.
        Assert.Equal([broader, ready], Rank([Must("security"), Nice("networking")]).Candidates.Take(2).Select(c => c.PartnerId));

        // Re-applying the profile without the blueprint takes the partner out of the blueprint's set.
        Add("Adopter", ["security"], id: adopter, version: 2);
        Assert.DoesNotContain(Rank([Must("security")], blueprint: blueprint).Candidates, c => c.Breakdown.Any(p => p.Name == "blueprint"));
    }

    [Fact]
    public void Never_suggests_a_competitor_that_brings_only_what_the_owner_brings()
    {
        Add("Owner", ["storage"], id: OwnerId);
        Add("Competitor", ["storage"], tier: "premier");
        var complement = Add("Complement", ["security"]);

        var result = Rank([Must("storage"), Nice("security")]);

        Assert.Equal([complement], result.Candidates.Select(c => c.PartnerId));
        Assert.Equal(["security"], result.OwnerLacks);
    }

    [Fact]
    public void A_more_specific_capability_answers_a_general_need_for_candidates_and_owners_alike()
    {
        Add("Owner", ["networking.sd-wan"], id: OwnerId);
        var backup = Add("Backup specialist", ["storage.backup"]);

        var result = Rank([Must("storage"), Must("networking")]);

        Assert.Equal(["storage"], result.OwnerLacks);
        Assert.Equal([backup], result.Candidates.Select(c => c.PartnerId));
        Assert.Equal(["storage"], result.Candidates[0].CoversMustHave);
    }

    [Fact]
    public void One_covered_must_have_outranks_any_number_of_nice_to_haves_and_any_quality()
    {
        var must = Add("Must", ["security"]);
        var nice = Add("Nice", ["backup", "analytics", "training"], tier: "premier", proficiency: "expert", regions: ["DE"], verticals: ["retail"],
            certifications: [Certification("Cisco", "backup"), Certification("NetApp", "analytics"), Certification("VMware", "training"), Certification("IBM", "backup")]);

        var result = Rank([Must("security"), Nice("backup"), Nice("analytics"), Nice("training")], region: "DE", vertical: "retail");

        Assert.Equal([must, nice], result.Candidates.Select(c => c.PartnerId));
    }

    [Fact]
    public void Proficiency_certifications_region_vertical_and_tier_order_partners_that_cover_the_same_needs()
    {
        var plain = Add("Plain", ["security"], proficiency: "basic");
        var strong = Add("Strong", ["security"], proficiency: "expert", tier: "premier", regions: ["DE"], verticals: ["retail"],
            certifications: [Certification("Cisco", "security"), Certification("Palo Alto", "security")]);

        var result = Rank([Must("security")], region: "DE", vertical: "retail");

        Assert.Equal([strong, plain], result.Candidates.Select(c => c.PartnerId));
        var reasons = result.Candidates[0].Reasons;
        Assert.Contains("certified by 2 vendors (Cisco, Palo Alto)", reasons);
        Assert.Contains("operates in DE", reasons);
        Assert.Contains("serves retail", reasons);
        Assert.Contains("premier tier", reasons);
        Assert.Equal(result.Candidates[0].Score, result.Candidates[0].Breakdown.Sum(p => p.Points), precision: 6);
    }

    [Fact]
    public void An_expired_certification_stops_counting()
    {
        var partner = Add("Lapsed", ["security"], certifications: [Certification("Cisco", "security", expires: Today.AddDays(-1)), Certification("IBM", "security", expires: Today)]);

        var candidate = Assert.Single(Rank([Must("security")]).Candidates);

        Assert.Equal(partner, candidate.PartnerId);
        Assert.Contains("certified by 1 vendor (IBM)", candidate.Reasons);
    }

    [Fact]
    public void A_certification_its_vendor_has_not_attested_earns_no_points_and_is_no_reason()
    {
        var claimed = Add("Claimed", ["security"], certifications: [Certification("Cisco", "security", attested: false), Certification("IBM", "security")]);
        var attested = Add("Attested", ["security"], certifications: [Certification("Cisco", "security"), Certification("IBM", "security")]);

        var result = Rank([Must("security")]);

        Assert.Equal([attested, claimed], result.Candidates.Select(c => c.PartnerId));
        Assert.Contains("certified by 1 vendor (IBM)", result.Candidates[1].Reasons);
        Assert.Contains("certified by 2 vendors (Cisco, IBM)", result.Candidates[0].Reasons);
        Assert.Equal(5, result.Candidates[0].Score - result.Candidates[1].Score, precision: 6);
    }

    [Fact]
    public void Track_record_and_history_with_the_owner_raise_a_partner_and_explain_why()
    {
        var proven = Add("Proven", ["security"]);
        var unknown = Add("Unknown", ["security"]);
        var invitedAt = new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 10; i++)
        {
            _record.Apply(new InvitationFact(Guid.NewGuid(), Guid.NewGuid(), OwnerId, proven, invitedAt, invitedAt.AddHours(5),
                i < 9 ? InvitationOutcome.Accepted : InvitationOutcome.Declined));
        }
        _record.Apply(new TeamWin(Guid.NewGuid(), OwnerId, proven, invitedAt.AddDays(10)));

        var result = Rank([Must("security")]);

        Assert.Equal([proven, unknown], result.Candidates.Select(c => c.PartnerId));
        Assert.Contains("accepted 9 of 10 invitations, median 5 h", result.Candidates[0].Reasons);
        Assert.Contains("won 1 of 9 deals it joined", result.Candidates[0].Reasons);
        Assert.Contains("won 1 deal with you", result.Candidates[0].Reasons);
    }

    [Fact]
    public async Task A_score_is_the_sum_of_its_explained_parts_while_events_change_the_track_record()
    {
        var partners = Enumerable.Range(0, 50).Select(i => Add($"Partner {i}", ["security"])).ToList();
        var invitedAt = new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var partner = partners[i % partners.Count];
                _record.Apply(new InvitationFact(Guid.NewGuid(), Guid.NewGuid(), OwnerId, partner, invitedAt, invitedAt.AddMinutes(i % 600),
                    i % 3 == 0 ? InvitationOutcome.Declined : InvitationOutcome.Accepted));
                _record.Apply(new TeamWin(Guid.NewGuid(), OwnerId, partner, invitedAt.AddDays(1)));
            }
        }, TestContext.Current.CancellationToken);
        try
        {
            for (var query = 0; query < 2_000; query++)
            {
                foreach (var candidate in Rank([Must("security")], limit: 5).Candidates)
                {
                    Assert.Equal(candidate.Score, Math.Round(candidate.Breakdown.Sum(p => p.Points), 1));
                }
            }
        }
        finally
        {
            stop.Cancel();
            await writer;
        }
    }

    [Fact]
    public void Ties_break_by_name_then_id_and_the_limit_holds()
    {
        var b = Add("Bravo", ["security"]);
        var a2 = Add("Alpha", ["security"], id: Guid.Parse("00000000-0000-0000-0000-000000000002"));
        var a1 = Add("Alpha", ["security"], id: Guid.Parse("00000000-0000-0000-0000-000000000001"));

        Assert.Equal([a1, a2, b], Rank([Must("security")]).Candidates.Select(c => c.PartnerId));
        Assert.Equal([a1, a2], Rank([Must("security")], limit: 2).Candidates.Select(c => c.PartnerId));
    }

    [Fact]
    public void Partners_below_the_best_coverage_fill_the_list_when_too_few_cover_everything()
    {
        var both = Add("Both", ["security", "backup"]);
        var securityOnly = Enumerable.Range(0, 5).Select(i => Add($"Security {i}", ["security"])).ToList();

        var result = Rank([Must("security"), Must("backup")], limit: 3);

        Assert.Equal(3, result.Candidates.Count);
        Assert.Equal(both, result.Candidates[0].PartnerId);
        Assert.All(result.Candidates.Skip(1), c => Assert.Contains(c.PartnerId, securityOnly));
    }

    [Fact]
    public void A_newer_snapshot_moves_a_partner_between_regions_verticals_and_tiers()
    {
        var moved = Add("Moved", ["security"], tier: "premier", regions: ["DE"], verticals: ["retail"], version: 1);
        var stayed = Add("Stayed", ["security"], regions: ["DE"], verticals: ["retail"]);
        Add("Moved", ["security"], id: moved, tier: "registered", regions: ["US"], verticals: ["energy"], version: 2);

        var result = Rank([Must("security")], region: "DE", vertical: "retail");

        Assert.Equal([stayed, moved], result.Candidates.Select(c => c.PartnerId));
        Assert.DoesNotContain(result.Candidates[1].Breakdown, p => p.Name is "region" or "vertical" or "tier");
        Assert.Equal(result.Candidates[1].Score, result.Candidates[1].Breakdown.Sum(p => p.Points), precision: 6);
    }

    [Fact]
    public void Ranking_ignores_what_other_code_left_in_the_shared_array_pool()
    {
        var partner = Add("Anyone", ["security"]);
        // Code elsewhere in the process (Kestrel, gRPC, token validation) may return dirty arrays to the shared pool.
        var dirty = System.Buffers.ArrayPool<ulong>.Shared.Rent(1);
        Array.Fill(dirty, ulong.MaxValue);
        System.Buffers.ArrayPool<ulong>.Shared.Return(dirty);

        Assert.Equal([partner], Rank([Must("security")]).Candidates.Select(c => c.PartnerId));
    }

    [Fact]
    public void An_unknown_owner_lacks_every_need()
    {
        Add("Anyone", ["security"]);
        Assert.Equal(["security", "storage"], Rank([Must("security"), Nice("storage")]).OwnerLacks);
    }

    [Fact]
    public void The_index_keeps_the_newest_snapshot_and_forgets_capabilities_a_partner_dropped()
    {
        var id = Add("Changing", ["security"], version: 2);
        Add("Changing", ["storage"], id: id, version: 1);
        Assert.Equal([id], Rank([Must("security")]).Candidates.Select(c => c.PartnerId));

        Add("Changing", ["storage"], id: id, version: 3);
        Assert.Empty(Rank([Must("security")]).Candidates);
        Assert.Equal([id], Rank([Must("storage")]).Candidates.Select(c => c.PartnerId));

        Add("Changing", ["storage"], id: id, version: 4, active: false);
        Assert.Empty(Rank([Must("storage")]).Candidates);
    }

    [Fact]
    public async Task The_bootstrap_applies_batches_on_every_core_to_the_same_index_as_one_snapshot_at_a_time()
    {
        // 10,000 snapshots (more than two batches), every fifth partner sent again with a newer version and other
        // capabilities, some older versions after newer ones: the batched apply keeps what one-by-one applies keep.
        string[] codes = ["storage", "storage.backup", "storage.backup.cloud", "security.identity", "network.sdwan", "cloud.migration", "devices.crm"];
        var random = new Random(13);
        var ids = Enumerable.Range(0, 8_000).Select(_ => Guid.NewGuid()).ToArray();
        PartnerSnapshot Snapshot(Guid id, long version) => new()
        {
            PartnerId = id, Name = $"P{id:N}"[..9], PartnerFunction = "solution", Category = "isv", Tier = random.Next(3) == 0 ? "premier" : "registered",
            Regions = [random.Next(2) == 0 ? "US" : "DE"], Verticals = random.Next(4) == 0 ? ["retail"] : [], Active = random.Next(20) != 0, Version = version,
            Capabilities = codes.Where(_ => random.Next(3) == 0).Append(codes[random.Next(codes.Length)]).Distinct()
                .Select(c => new AdvertisedCapability { Code = c, Proficiency = random.Next(2) == 0 ? "expert" : "basic" }).ToList(),
            Certifications = random.Next(3) == 0 ? [Certification("northwind", "storage")] : [],
        };
        var snapshots = ids.Select(id => Snapshot(id, 2))
            .Concat(ids.Where((_, i) => i % 5 == 0).Select(id => Snapshot(id, 3)))
            .Concat(ids.Where((_, i) => i % 7 == 0).Select(id => Snapshot(id, 1)))
            .ToList();
        foreach (var snapshot in snapshots)
        {
            _index.Apply(snapshot);
        }
        var batched = new PartnerIndex();
        Assert.Equal(snapshots.Count, await batched.ApplyAllAsync(snapshots.ToAsyncEnumerable(), TestContext.Current.CancellationToken));
        batched.MarkReady();
        _index.MarkReady();

        Assert.Equal(ids.Length, batched.Count);
        Need[][] queries = [[Must("storage")], [Must("storage.backup"), Nice("security")], [Must("network"), Must("cloud")], [Nice("devices.crm")]];
        foreach (var needs in queries)
        {
            foreach (var region in new[] { null, "US", "DE" })
            {
                var request = new MatchRequest(OwnerId, needs, region, "retail", new HashSet<Guid>(), 50);
                var one = _index.Read(view => ComplementRanker.Rank(request, view, _record, Today));
                var all = batched.Read(view => ComplementRanker.Rank(request, view, _record, Today));
                Assert.NotEmpty(one.Candidates);
                Assert.Equal(one.Candidates.Select(c => (c.PartnerId, c.Score, string.Join("|", c.Reasons))),
                    all.Candidates.Select(c => (c.PartnerId, c.Score, string.Join("|", c.Reasons))));
            }
        }
    }

    [Fact]
    public void Whether_enough_partners_cover_every_need_or_too_few_the_list_holds_the_best_coverages_of_all_eligible_partners()
    {
        // Long and short posting lists, queries of 1 to 4 needs and limits from 1 to 60: sometimes a list's worth of
        // partners covers every need (the ranker intersects the lists), sometimes not (it gathers every partner).
        string[] codes = ["storage", "storage.backup", "security", "network", "cloud", "devices", "data", "voice"];
        var random = new Random(7);
        var partners = Enumerable.Range(0, 3_000).Select(i => (Id: Add($"P{i:D4}",
            codes.Where((_, c) => random.NextDouble() < 0.9 / (c + 1)).DefaultIfEmpty(codes[random.Next(codes.Length)]).ToArray(),
            active: random.Next(25) != 0), Index: i)).ToList();
        for (var q = 0; q < 300; q++)
        {
            var needs = codes.OrderBy(_ => random.Next()).Take(1 + random.Next(4)).Select(c => new Need(c, random.Next(2) == 0)).ToArray();
            var limit = 1 + random.Next(60);
            var result = Rank(needs, limit: limit);

            string Key(int must, int nice) => $"{must:D2}/{nice:D2}";
            var expected = partners
                .Select(p => _index.Get(p.Id)!)
                .Where(p => p.Active)
                .Select(p => Key(needs.Count(n => n.MustHave && p.LevelFor(n.Capability) > 0), needs.Count(n => !n.MustHave && p.LevelFor(n.Capability) > 0)))
                .Where(key => key != Key(0, 0))
                .OrderDescending(StringComparer.Ordinal)
                .Take(limit);
            Assert.Equal(expected, result.Candidates.Select(c => Key(c.CoversMustHave.Count, c.CoversNiceToHave.Count)));
        }
    }

    [Fact]
    public void Complementary_allies_rank_first_and_say_why_while_competing_inactive_excluded_allies_and_the_owner_never_appear()
    {
        Add("Owner", ["storage"], id: OwnerId);
        var strongest = Add("Strongest", ["security", "network"], tier: "premier", proficiency: "expert");
        var second = Add("Second", ["security", "network"], tier: "advanced");
        var weakAlly = Add("Weak ally", ["network"], proficiency: "beginner");
        var competingAlly = Add("Competing ally", ["storage"], tier: "premier");
        var dormantAlly = Add("Dormant ally", ["security"], active: false);
        var excludedAlly = Add("Excluded ally", ["security"]);
        var betterAlly = Add("Better ally", ["security"], tier: "ready");

        var result = Rank([Must("storage"), Must("security"), Nice("network")], excluded: [excludedAlly], limit: 3,
            allies: [weakAlly, competingAlly, dormantAlly, excludedAlly, betterAlly, OwnerId, Guid.NewGuid()]);

        // Allies first, best first among themselves (a must-have outranks a nice-to-have); then the rest as before.
        Assert.Equal([betterAlly, weakAlly, strongest], result.Candidates.Select(c => c.PartnerId));
        Assert.All(result.Candidates.Take(2), c => Assert.Equal(("alliance", 0.0, "In an alliance with you"),
            (c.Breakdown[0].Name, c.Breakdown[0].Points, c.Breakdown[0].Explanation)));
        Assert.DoesNotContain(result.Candidates[2].Breakdown, p => p.Name == "alliance");
        // An ally's score is the same as without the alliance: the alliance orders the list, it adds no points.
        var unallied = Rank([Must("storage"), Must("security"), Nice("network")], excluded: [excludedAlly], limit: 10);
        Assert.Equal(unallied.Candidates.Single(c => c.PartnerId == betterAlly).Score, result.Candidates[0].Score);
        Assert.Equal([strongest, second, betterAlly, weakAlly], unallied.Candidates.Select(c => c.PartnerId));
    }
}
