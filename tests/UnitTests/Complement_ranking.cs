using EcosystemMarket.Matching.Model;

namespace EcosystemMarket.UnitTests;

public class Complement_ranking
{
    private static readonly Guid OwnerId = Guid.Parse("00000000-0000-0000-0000-0000000000aa");

    private static IndexedPartner Partner(string name, string[] capabilities, string tier = "registered", string[]? regions = null, bool active = true, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), name, tier, new HashSet<string>(regions ?? ["US"]), new HashSet<string>(capabilities), active);

    private static MatchRequest Request(Need[] needs, string? region = null, Guid[]? excluded = null, int limit = 10) =>
        new(OwnerId, needs, region, new HashSet<Guid>(excluded ?? []), limit);

    private static readonly IndexedPartner Owner = Partner("Owner", ["storage"], id: OwnerId);

    [Fact]
    public void Never_suggests_the_owner_itself()
    {
        // The owner's index entry covers the need, but the owner is unknown to the ranker (null), so only the id can exclude it.
        var ownerEntry = Partner("Owner", ["security"], id: OwnerId);
        var other = Partner("Other", ["security"]);

        var result = ComplementRanker.Rank(Request([new("security", true)]), null, [ownerEntry, other]);

        Assert.Equal([other.PartnerId], result.Candidates.Select(c => c.PartnerId));
    }

    [Fact]
    public void Never_suggests_an_inactive_partner()
    {
        var inactive = Partner("Inactive", ["security"], tier: "premier", active: false);
        var active = Partner("Active", ["security"]);

        var result = ComplementRanker.Rank(Request([new("security", true)]), Owner, [inactive, active]);

        Assert.Equal([active.PartnerId], result.Candidates.Select(c => c.PartnerId));
    }

    [Fact]
    public void Never_suggests_a_partner_the_owner_excluded()
    {
        var excluded = Partner("Excluded", ["security"], tier: "premier");
        var other = Partner("Other", ["security"]);

        var result = ComplementRanker.Rank(Request([new("security", true)], excluded: [excluded.PartnerId]), Owner, [excluded, other]);

        Assert.Equal([other.PartnerId], result.Candidates.Select(c => c.PartnerId));
    }

    [Fact]
    public void Never_suggests_a_partner_that_only_brings_what_the_owner_brings()
    {
        var competitor = Partner("Competitor", ["storage"], tier: "premier", regions: ["DE"]);
        var complement = Partner("Complement", ["security"]);

        var result = ComplementRanker.Rank(Request([new("storage", true), new("security", false)], region: "DE"), Owner, [competitor, complement]);

        Assert.Equal([complement.PartnerId], result.Candidates.Select(c => c.PartnerId));
    }

    [Fact]
    public void Ranks_a_partner_covering_a_must_have_above_one_covering_only_a_nice_to_have()
    {
        // The nice-to-have partner has every other advantage: region fit, the best tier and the earlier name.
        var niceOnly = Partner("Aardvark", ["analytics"], tier: "premier", regions: ["DE"]);
        var mustHave = Partner("Zebra", ["security"], regions: ["US"]);

        var result = ComplementRanker.Rank(Request([new("security", true), new("analytics", false)], region: "DE"), Owner, [niceOnly, mustHave]);

        Assert.Equal([mustHave.PartnerId, niceOnly.PartnerId], result.Candidates.Select(c => c.PartnerId));
        Assert.Equal(["security"], result.Candidates[0].CoversMustHave);
        Assert.Equal(["analytics"], result.Candidates[1].CoversNiceToHave);
    }

    [Fact]
    public void Adds_region_fit_to_the_score_and_to_the_reasons()
    {
        var inRegion = Partner("In region", ["security"], regions: ["DE", "FR"]);
        var elsewhere = Partner("Elsewhere", ["security"], regions: ["US"]);

        var result = ComplementRanker.Rank(Request([new("security", true)], region: "DE"), Owner, [elsewhere, inRegion]);

        var first = result.Candidates[0];
        var second = result.Candidates[1];
        Assert.Equal(inRegion.PartnerId, first.PartnerId);
        Assert.Equal(ComplementRanker.MustHaveWeight + ComplementRanker.RegionFitWeight, first.Score);
        Assert.Equal(["covers security (must-have)", "operates in DE"], first.Reasons);
        Assert.Equal(ComplementRanker.MustHaveWeight, second.Score);
        Assert.Equal(["covers security (must-have)"], second.Reasons);
    }

    [Theory]
    [InlineData("registered", 0, false)]
    [InlineData("ready", 0.25, true)]
    [InlineData("advanced", 0.5, true)]
    [InlineData("premier", 0.75, true)]
    public void Adds_the_tier_to_the_score_and_names_it_in_the_reasons_when_it_counts(string tier, double bonus, bool named)
    {
        var partner = Partner("Partner", ["security"], tier: tier);

        var candidate = Assert.Single(ComplementRanker.Rank(Request([new("security", false)]), Owner, [partner]).Candidates);

        Assert.Equal(ComplementRanker.NiceToHaveWeight + bonus, candidate.Score);
        Assert.Equal(named, candidate.Reasons.Contains($"{tier} tier"));
    }

    [Fact]
    public void Breaks_ties_by_name_then_by_id()
    {
        var lowId = Guid.Parse("10000000-0000-0000-0000-000000000000");
        var highId = Guid.Parse("20000000-0000-0000-0000-000000000000");
        var beta = Partner("Beta", ["security"], id: Guid.Parse("00000000-0000-0000-0000-000000000001"));
        var alphaHigh = Partner("Alpha", ["security"], id: highId);
        var alphaLow = Partner("Alpha", ["security"], id: lowId);

        var first = ComplementRanker.Rank(Request([new("security", true)]), Owner, [beta, alphaHigh, alphaLow]);
        var second = ComplementRanker.Rank(Request([new("security", true)]), Owner, [alphaLow, beta, alphaHigh]);

        Assert.Equal([lowId, highId, beta.PartnerId], first.Candidates.Select(c => c.PartnerId));
        Assert.Equal(first.Candidates.Select(c => c.PartnerId), second.Candidates.Select(c => c.PartnerId));
    }

    [Fact]
    public void Returns_no_more_candidates_than_the_limit_and_keeps_the_best()
    {
        var partners = Enumerable.Range(0, 5).Select(i => Partner($"Plain {i}", ["security"])).ToList();
        var best = Partner("Best", ["security"], tier: "premier");
        var nextBest = Partner("Next best", ["security"], tier: "advanced");
        partners.Add(best);
        partners.Add(nextBest);

        var result = ComplementRanker.Rank(Request([new("security", true)], limit: 2), Owner, partners);

        Assert.Equal([best.PartnerId, nextBest.PartnerId], result.Candidates.Select(c => c.PartnerId));
    }

    [Fact]
    public void Lists_as_lacking_only_the_needs_the_owner_does_not_cover_once_each()
    {
        var result = ComplementRanker.Rank(
            Request([new("storage", true), new("security", false), new("networking", false), new("security", true)]), Owner, []);

        Assert.Equal(["security", "networking"], result.OwnerLacks);
    }

    [Fact]
    public void Treats_a_capability_needed_both_ways_as_a_must_have()
    {
        var partner = Partner("Partner", ["security"]);

        var result = ComplementRanker.Rank(Request([new("security", false), new("security", true)]), Owner, [partner]);

        var candidate = Assert.Single(result.Candidates);
        Assert.Equal(["security"], candidate.CoversMustHave);
        Assert.Empty(candidate.CoversNiceToHave);
        Assert.Equal(ComplementRanker.MustHaveWeight, candidate.Score);
    }

    [Fact]
    public void Treats_an_unknown_owner_as_lacking_every_need()
    {
        var storage = Partner("Storage vendor", ["storage"]);

        var result = ComplementRanker.Rank(Request([new("storage", true), new("security", false)]), null, [storage]);

        Assert.Equal(["storage", "security"], result.OwnerLacks);
        Assert.Equal([storage.PartnerId], result.Candidates.Select(c => c.PartnerId));
    }
}
