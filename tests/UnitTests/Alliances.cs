using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.UnitTests;

/// <summary>The alliance aggregate: proposed, accepted by each member, declined or left; what members share and see.</summary>
public class Alliances
{
    private static readonly DateTimeOffset Now = Deals.Now;
    private readonly Guid _a = Guid.NewGuid(), _b = Guid.NewGuid(), _c = Guid.NewGuid();

    private AllianceAggregate Proposed(AllianceScope? scope = null, SharingLevel level = SharingLevel.Opportunities, params Guid[] others)
    {
        var (aggregate, outcome) = AllianceAggregate.Propose(Guid.NewGuid(), "Northern security", _a, others.Length > 0 ? others : [_b, _c],
            scope ?? AllianceScope.Any, level, Now);
        Assert.False(outcome.Refused);
        return aggregate!;
    }

    private AllianceAggregate InForce(AllianceScope? scope = null, SharingLevel level = SharingLevel.Opportunities)
    {
        var alliance = Proposed(scope, level);
        alliance.Accept(_b, Now);
        alliance.Accept(_c, Now);
        Assert.Equal(AllianceState.InForce, alliance.Alliance.State);
        return alliance;
    }

    private Opportunity OwnedBy(Guid owner, string region = "US", string? vendor = null, params string[] needs) => Deals.Opportunity() with
    {
        OwnerPartnerId = owner, Region = region, VendorId = vendor,
        Needs = (needs.Length > 0 ? needs : ["security"]).Select(n => new CapabilityNeed { Capability = n, MustHave = true }).ToList(),
    };

    [Fact]
    public void A_proposal_counts_the_proposer_as_accepted_asks_the_others_and_announces_every_member()
    {
        var (aggregate, outcome) = AllianceAggregate.Propose(Guid.NewGuid(), "Northern security", _a, [_b, _c, _b, _a], AllianceScope.Any,
            SharingLevel.JointPursuit, Now);

        var proposed = Assert.IsType<AllianceProposed>(Assert.Single(outcome.Events));
        Assert.Equal([_a, _b, _c], proposed.Members);
        Assert.Equal("joint-pursuit", proposed.SharingLevel);
        Assert.Equal(AllianceState.Proposed, aggregate!.Alliance.State);
        Assert.Equal([MembershipStatus.Accepted, MembershipStatus.Pending, MembershipStatus.Pending], aggregate.Members.Select(m => m.Status));
    }

    [Fact]
    public void A_proposal_needs_two_to_ten_members()
    {
        var alone = AllianceAggregate.Propose(Guid.NewGuid(), "Alone", _a, [_a], AllianceScope.Any, SharingLevel.Leads, Now);
        var crowd = AllianceAggregate.Propose(Guid.NewGuid(), "Crowd", _a, Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList(), AllianceScope.Any, SharingLevel.Leads, Now);

        Assert.Null(alone.Aggregate);
        Assert.True(alone.Outcome.Violation!.Unprocessable);
        Assert.Null(crowd.Aggregate);
    }

    [Fact]
    public void The_last_acceptance_forms_the_alliance_and_accepting_again_changes_nothing()
    {
        var alliance = Proposed();

        Assert.Empty(alliance.Accept(_b, Now).Events);
        Assert.Equal(AllianceState.Proposed, alliance.Alliance.State);
        var formed = Assert.IsType<AllianceFormed>(Assert.Single(alliance.Accept(_c, Now).Events));

        Assert.Equal([_a, _b, _c], formed.Members);
        Assert.Equal(AllianceState.InForce, alliance.Alliance.State);
        var again = alliance.Accept(_c, Now);
        Assert.False(again.Refused);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void A_decline_ends_the_proposal_for_everyone_and_a_stranger_cannot_answer()
    {
        var alliance = Proposed();

        Assert.NotNull(alliance.Accept(Guid.NewGuid(), Now).Violation);
        Assert.False(alliance.Decline(_b, Now).Refused);

        Assert.Equal(AllianceState.Ended, alliance.Alliance.State);
        Assert.Equal("The proposal is no longer open.", alliance.Accept(_c, Now).Violation?.Title);
        Assert.True(alliance.HasChanges);
    }

    [Fact]
    public void A_member_leaving_takes_its_shares_along_and_with_fewer_than_two_left_the_alliance_ends()
    {
        var alliance = InForce();
        var bs = OwnedBy(_b);
        alliance.Share(bs, _b, Now);
        alliance.Share(OwnedBy(_c), _c, Now);

        alliance.Leave(_b, Now);
        Assert.Equal(AllianceState.InForce, alliance.Alliance.State);
        Assert.DoesNotContain(alliance.Shared, s => s.OpportunityId == bs.Id);
        Assert.False(alliance.Leave(_b, Now).Refused);

        alliance.Leave(_c, Now);
        Assert.Equal(AllianceState.Ended, alliance.Alliance.State);
        Assert.NotNull(alliance.Leave(_a, Now).Violation);
    }

    [Fact]
    public void A_pending_member_cannot_leave_it_answers_the_proposal_instead()
    {
        var alliance = Proposed();

        Assert.Equal("Only a member taking part can leave.", alliance.Leave(_b, Now).Violation?.Title);
    }

    [Fact]
    public void Sharing_takes_only_the_member_s_own_published_opportunities_once_and_only_while_in_force()
    {
        var proposed = Proposed();
        Assert.NotNull(proposed.Share(OwnedBy(_a), _a, Now).Violation);

        var alliance = InForce();
        Assert.NotNull(alliance.Share(OwnedBy(_b), _a, Now).Violation);
        Assert.Equal("A draft cannot be shared.", alliance.Share(OwnedBy(_a) with { Status = OpportunityStatus.Draft }, _a, Now).Violation?.Title);
        var mine = OwnedBy(_a);
        alliance.Share(mine, _a, Now);
        alliance.Share(mine, _a, Now);

        Assert.Single(alliance.NewlyShared);
        Assert.Equal(_a, Assert.Single(alliance.Shared).OwnerPartnerId);
        Assert.NotNull(alliance.Unshare(mine.Id, _b, Now).Violation);
        alliance.Unshare(mine.Id, _a, Now);
        Assert.Empty(alliance.Shared);
        Assert.Empty(alliance.Unshared);
    }

    [Theory]
    [InlineData("US", "acme", "security.endpoint", null)]
    [InlineData("US", "acme", "storage", "None of its needs")]
    [InlineData("DE", "acme", "security", "Its region DE")]
    [InlineData("US", null, "security", "Its vendor program (none)")]
    [InlineData("US", "globex", "security", "Its vendor program (globex)")]
    public void An_opportunity_outside_the_scope_is_unprocessable_and_says_why(string region, string? vendor, string need, string? reason)
    {
        var alliance = InForce(new AllianceScope(["security", "networking"], ["US", "CA"], ["acme"]));

        var outcome = alliance.Share(OwnedBy(_a, region, vendor, need), _a, Now);

        if (reason is null)
        {
            Assert.False(outcome.Refused);
        }
        else
        {
            Assert.True(outcome.Violation!.Unprocessable);
            Assert.StartsWith(reason, outcome.Violation.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Allies_for_an_opportunity_are_the_other_members_taking_part_when_the_scope_covers_it()
    {
        var alliance = InForce(new AllianceScope([], ["US"], []));

        Assert.Equal([_b, _c], alliance.AlliesFor(OwnedBy(_a)));
        Assert.Empty(alliance.AlliesFor(OwnedBy(_a, region: "DE")));
        Assert.Empty(alliance.AlliesFor(OwnedBy(Guid.NewGuid())));
        Assert.Empty(Proposed().AlliesFor(OwnedBy(_a)));
    }

    [Fact]
    public void Leads_hide_value_and_status_opportunities_show_them_and_the_customer_shows_only_to_the_team()
    {
        var opportunity = OwnedBy(_a, needs: ["security", "storage"]);
        var onTeam = Deals.Invitation(opportunity, _b, InvitationStatus.Accepted);
        var team = OpportunityTeam.Of(opportunity, [onTeam]);
        var profiles = new Dictionary<Guid, DirectoryProfile>
        {
            [_a] = new(_a, "Alpha", true, ["security"]), [_b] = new(_b, "Beta", true, ["storage"]), [_c] = new(_c, "Gamma", true, ["storage.backup"]),
        };
        var shared = new SharedOpportunity(opportunity.Id, _a, Now);

        var lead = AlliancePipelineEntry.Of(InForce(level: SharingLevel.Leads).Alliance, shared, opportunity, team, [_a, _b, _c], profiles, _c);
        var full = AlliancePipelineEntry.Of(InForce(level: SharingLevel.Opportunities).Alliance, shared, opportunity, team, [_a, _b, _c], profiles, _b);
        var joint = AlliancePipelineEntry.Of(InForce(level: SharingLevel.JointPursuit).Alliance, shared, opportunity, team, [_a, _b, _c], profiles, _a);

        Assert.Equal((null, null, null, null, null, false), (lead.EstimatedValue, lead.Currency, lead.Status, (object?)lead.CloseDate, lead.Customer, lead.CustomerVisible));
        Assert.Equal("Alpha", lead.OwnerName);
        Assert.Equal((100_000m, "USD", OpportunityStatus.Open, "Contoso"), (full.EstimatedValue, full.Currency, full.Status, full.Customer?.Name));
        // Gamma covers storage, which the owner lacks, and is not on the team: a difference; Beta already teams.
        Assert.Equal([(_c, "Gamma", "storage")], lead.Differences.Select(d => (d.PartnerId, d.Name, string.Join(",", d.Covers))));
        Assert.Equal([_b], lead.AlliesOnTeam);
        Assert.False(lead.CanInviteAllies);
        Assert.False(full.CanInviteAllies);
        Assert.True(joint.CanInviteAllies);
    }

    [Fact]
    public void Results_count_shared_teamed_and_won_and_sum_value_won_per_currency()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        Opportunity Deal(OpportunityStatus status, string currency, decimal? final) =>
            Deals.Opportunity(status) with { OwnerPartnerId = a, Currency = currency, FinalValue = final };
        var wonEur = Deal(OpportunityStatus.Won, "EUR", 50m);
        var wonUsd = Deal(OpportunityStatus.Won, "USD", 70m);
        var wonUsdToo = Deal(OpportunityStatus.Won, "USD", 30m);
        var open = Deal(OpportunityStatus.Open, "USD", null);

        var results = AllianceResults.Of([a, b], [
            (wonEur, OpportunityTeam.Of(wonEur, [Deals.Invitation(wonEur, b, InvitationStatus.Accepted)])),
            (wonUsd, OpportunityTeam.Of(wonUsd, [Deals.Invitation(wonUsd, Guid.NewGuid(), InvitationStatus.Accepted)])),
            (wonUsdToo, OpportunityTeam.Of(wonUsdToo, [])),
            (open, OpportunityTeam.Of(open, [Deals.Invitation(open, b, InvitationStatus.Pending)])),
        ]);

        Assert.Equal((4, 1, 3), (results.Shared, results.Teamed, results.Won));
        Assert.Equal(new Dictionary<string, decimal> { ["EUR"] = 50m, ["USD"] = 100m }, results.ValueWon);
    }
}
