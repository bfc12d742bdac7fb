using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.Matching.Model;

namespace EcosystemMarket.UnitTests;

public class Track_record
{
    private static readonly DateTimeOffset Invited = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly Guid _owner = Guid.NewGuid();
    private readonly Guid _invitee = Guid.NewGuid();

    [Fact]
    public void Events_of_one_invitation_merge_in_any_order_and_count_once()
    {
        var record = new TrackRecord();
        var id = Guid.NewGuid();
        var accepted = new InvitationFact(id, Guid.NewGuid(), _owner, _invitee, null, Invited.AddHours(30), InvitationOutcome.Accepted);
        var invited = accepted with { InvitedAt = Invited, RespondedAt = null, Outcome = InvitationOutcome.Pending };

        record.Apply(accepted);
        record.Apply(invited);
        record.Apply(accepted);

        var partner = record.For(_invitee);
        Assert.Equal(1, partner.Invited);
        Assert.Equal(1, partner.Accepted);
        Assert.Equal(TimeSpan.FromHours(30), partner.MedianResponse);
    }

    [Fact]
    public void A_win_counts_once_for_the_partner_and_for_the_pair()
    {
        var record = new TrackRecord();
        var win = new TeamWin(Guid.NewGuid(), _owner, _invitee, Invited);
        record.Apply(win);
        record.Apply(win);

        Assert.Equal(1, record.For(_invitee).Wins);
        Assert.Equal(1, record.WinsTogether(_owner, _invitee));
        Assert.Equal(0, record.WinsTogether(_invitee, _owner));
        Assert.Equal([_invitee], record.WonWith(_owner));
        Assert.Empty(record.WonWith(_invitee));
    }

    [Fact]
    public void Every_invited_partner_may_have_a_record_and_most_never_invited_certainly_have_none()
    {
        var record = new TrackRecord();
        var invited = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToList();
        foreach (var invitee in invited)
        {
            record.Apply(new InvitationFact(Guid.NewGuid(), Guid.NewGuid(), _owner, invitee, Invited, null, InvitationOutcome.Pending));
        }

        Assert.All(invited, id => Assert.True(record.MayHaveRecord(id)));
        Assert.True(Enumerable.Range(0, 1000).Count(_ => record.MayHaveRecord(Guid.NewGuid())) < 10);
    }
}

public class Relationship_health
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly Guid _a = Guid.NewGuid();
    private readonly Guid _b = Guid.NewGuid();

    private InvitationFact Fact(Guid owner, Guid invitee, int daysAgo, InvitationOutcome outcome) =>
        new(Guid.NewGuid(), Guid.NewGuid(), owner, invitee, Now.AddDays(-daysAgo), Now.AddDays(-daysAgo).AddHours(4), outcome);

    [Fact]
    public void A_pair_that_works_more_together_than_in_the_window_before_is_rising_and_reciprocal()
    {
        var facts = new[]
        {
            Fact(_a, _b, 10, InvitationOutcome.Accepted),
            Fact(_b, _a, 20, InvitationOutcome.Accepted),
            Fact(_a, _b, 40, InvitationOutcome.Declined),
        };

        var pair = Assert.Single(RelationshipHealth.For(_a, new PartnerFacts(facts, [new TeamWin(Guid.NewGuid(), _a, _b, Now.AddDays(-5))], []), TimeSpan.FromDays(30), Now));

        Assert.Equal(_b, pair.CounterpartId);
        Assert.Equal((1, 1, 2, 0, 1), (pair.InvitationsSent, pair.InvitationsReceived, pair.Accepted, pair.Declined, pair.WinsTogether));
        Assert.True(pair.Reciprocal);
        Assert.Equal(Trend.Rising, pair.Trend);
        Assert.Equal(TimeSpan.FromHours(4), pair.MedianResponse);
    }

    [Fact]
    public void A_pair_that_went_quiet_is_falling_and_one_with_no_activity_in_the_window_is_not_listed()
    {
        var c = Guid.NewGuid();
        var facts = new[]
        {
            Fact(_a, _b, 5, InvitationOutcome.Declined),
            Fact(_a, _b, 35, InvitationOutcome.Accepted),
            Fact(_a, _b, 40, InvitationOutcome.Accepted),
            Fact(_a, c, 45, InvitationOutcome.Accepted),
        };

        var pair = Assert.Single(RelationshipHealth.For(_a, new PartnerFacts(facts, [], []), TimeSpan.FromDays(30), Now));

        Assert.Equal(_b, pair.CounterpartId);
        Assert.Equal(Trend.Falling, pair.Trend);
        Assert.False(pair.Reciprocal);
    }

    [Fact]
    public void Deal_conflicts_between_two_partners_count_in_the_window_in_whichever_direction_and_list_a_pair_on_their_own()
    {
        var c = Guid.NewGuid();
        var conflicts = new[]
        {
            new DealConflict(Guid.NewGuid(), _a, _b, Now.AddDays(-3)),
            new DealConflict(Guid.NewGuid(), _b, _a, Now.AddDays(-10)),
            new DealConflict(Guid.NewGuid(), _a, _b, Now.AddDays(-45)),
            new DealConflict(Guid.NewGuid(), c, _a, Now.AddDays(-1)),
        };

        var pairs = RelationshipHealth.For(_a, new PartnerFacts([Fact(_a, _b, 2, InvitationOutcome.Accepted)], [], conflicts), TimeSpan.FromDays(30), Now)
            .ToDictionary(p => p.CounterpartId);

        Assert.Equal(new[] { _b, c }.Order(), pairs.Keys.Order());
        Assert.Equal(2, pairs[_b].Conflicts);
        Assert.Equal((1, 0), (pairs[c].Conflicts, pairs[c].InvitationsSent + pairs[c].InvitationsReceived));
    }

    [Fact]
    public void A_deal_conflict_delivered_twice_counts_once()
    {
        var record = new TrackRecord();
        var conflict = new DealConflict(Guid.NewGuid(), _a, _b, Now);

        record.Apply(conflict);
        record.Apply(conflict);

        Assert.Single(record.FactsOf(_b).Conflicts);
        Assert.Contains(_b, record.PartnersWithFacts());
    }
}
