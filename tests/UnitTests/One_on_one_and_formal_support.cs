using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Settlement.Model;

namespace EcosystemMarket.UnitTests;

/// <summary>
/// Modes that change behaviour once stamped: a one-on-one partner's deals show to its vendor, each side names its owner,
/// and a formal-support (or marketing and PR) participant earns no tier reward, whatever the program says later.
/// </summary>
public class One_on_one_and_formal_support
{
    private static readonly RewardTerms Fee = new() { Kind = RewardTerms.FixedFee, Amount = 100m };

    private static readonly ProgramManagement Program = new ProgramManagementRequest(
        new Dictionary<string, string?> { ["msp"] = "one-on-one", ["isv"] = "formal-support" }, null, null)
        .ApplyTo(ProgramManagement.Default("vendor"), Deals.Now);

    [Fact]
    public void An_invitation_carries_the_mode_it_was_made_under_and_the_win_carries_every_participants()
    {
        var opportunity = Deals.Opportunity() with { VendorId = "vendor", OwnerManagementMode = "formal-support" };
        var aggregate = new OpportunityAggregate(opportunity, []);
        var (managed, formal) = (Guid.NewGuid(), Guid.NewGuid());

        var invited = aggregate.Invite(managed, "delivery", Fee, Deals.Now.AddDays(3), Deals.Now, Program.Engage("msp", Deals.Now)).Invitation!;
        var other = aggregate.Invite(formal, "design", Fee, Deals.Now.AddDays(3), Deals.Now, Program.Engage("distributor", Deals.Now)).Invitation!;
        aggregate.Respond(invited.Id, accept: true, null, Deals.Now);
        aggregate.Respond(other.Id, accept: true, null, Deals.Now);
        var won = Assert.IsType<OpportunityWon>(Assert.Single(aggregate.Win(1000m, null, Deals.Now).Events));

        Assert.Equal(("one-on-one", "formal-program"), (invited.ManagementMode, other.ManagementMode));
        Assert.Equal("formal-support", won.OwnerManagementMode);
        Assert.Equal(["one-on-one", "formal-program"], won.Team.Select(m => m.ManagementMode));
    }

    [Fact]
    public void The_vendor_sees_the_one_on_one_owner_and_invitees_by_their_stamps_not_by_todays_modes()
    {
        var opportunity = Deals.Opportunity() with { OwnerManagementMode = "one-on-one" };
        var stampedOneOnOne = Deals.Invitation(opportunity, Guid.NewGuid(), InvitationStatus.Accepted) with { ManagementMode = "one-on-one" };
        var formal = Deals.Invitation(opportunity, Guid.NewGuid()) with { ManagementMode = "formal-program" };

        var partners = OneOnOneParticipants.Of(opportunity, [stampedOneOnOne, formal]);

        Assert.Equal([new OneOnOneParticipant(opportunity.OwnerPartnerId, true, null), new OneOnOneParticipant(stampedOneOnOne.InviteePartnerId, false, InvitationStatus.Accepted)],
            partners);
        Assert.Empty(OneOnOneParticipants.Of(opportunity with { OwnerManagementMode = null }, [formal]));
    }

    [Fact]
    public void Owners_are_named_only_for_a_registered_partner_whose_category_the_program_manages_one_on_one()
    {
        var partner = Guid.NewGuid();
        DirectoryProfile Profile(string category) => new(partner, "Partner", true, [], category);

        Assert.Null(RelationshipOwners.CanName(Program, partner, Profile("msp")));
        Assert.Equal("Not a one-on-one relationship.", RelationshipOwners.CanName(Program, partner, Profile("isv"))?.Title);
        Assert.Contains("'formal-program'", RelationshipOwners.CanName(Program, partner, Profile("distributor"))?.Detail);
        Assert.Equal("The partner is not registered.", RelationshipOwners.CanName(Program, partner, null)?.Title);
    }

    [Theory]
    [InlineData("formal-support", false)]
    [InlineData("marketing-pr", false)]
    [InlineData("formal-program", true)]
    [InlineData("one-on-one", true)]
    [InlineData("sla", true)]
    [InlineData(null, true)]
    public void Formal_support_and_marketing_earn_no_tier_reward_and_older_wins_without_modes_do(string? ownerMode, bool bonus)
    {
        var owner = Guid.NewGuid();
        var program = new RewardProgram("vendor", "Rewards", "EUR", 200m, new Dictionary<string, decimal> { ["premier"] = 2m }, HoldingPeriodDays: 0);
        var won = new OpportunityWon
        {
            OpportunityId = Guid.NewGuid(), OwnerPartnerId = owner, FinalValue = 1000m, Currency = "EUR", VendorId = "vendor",
            DealRegistrationId = Guid.NewGuid(), OwnerManagementMode = ownerMode, OccurredAt = Deals.Now,
            Team = [new TeamMemberTerms { PartnerId = Guid.NewGuid(), Role = "delivery", Reward = Fee, ManagementMode = "formal-support" }],
        };

        var entries = WinRewards.For(won, program, "premier", Deals.Now, TimeSpan.Zero);

        Assert.Equal(bonus, entries.Any(e => e.PartnerId == owner && e.Amount == 400m));
        Assert.Equal(bonus, ProgramRewards.MayEarnBonus(won));
        // The member's agreed fee is a partner-to-partner fee, not a tier reward: booked whatever its mode.
        Assert.Contains(entries, e => e.PartnerId == won.Team[0].PartnerId && e.Amount == 100m);
        Assert.False(TierRewards.EarnedBy(won, won.Team[0].PartnerId));
    }
}
