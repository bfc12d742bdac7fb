using EcosystemMarket.Brokering.Model;

namespace EcosystemMarket.UnitTests;

public class Opportunity_life_cycle
{
    [Theory]
    [InlineData(OpportunityStatus.Draft, OpportunityStatus.Open)]
    [InlineData(OpportunityStatus.Draft, OpportunityStatus.Withdrawn)]
    [InlineData(OpportunityStatus.Open, OpportunityStatus.Teaming)]
    [InlineData(OpportunityStatus.Open, OpportunityStatus.Won)]
    [InlineData(OpportunityStatus.Open, OpportunityStatus.Lost)]
    [InlineData(OpportunityStatus.Teaming, OpportunityStatus.Won)]
    [InlineData(OpportunityStatus.Teaming, OpportunityStatus.Withdrawn)]
    [InlineData(OpportunityStatus.Won, OpportunityStatus.Reversed)]
    public void Allows_the_moves_of_the_life_cycle(OpportunityStatus current, OpportunityStatus target)
    {
        Assert.Null(OpportunityLifecycle.CanMove(Deals.Opportunity(current), target));
    }

    [Theory]
    [InlineData(OpportunityStatus.Won, OpportunityStatus.Lost)]
    [InlineData(OpportunityStatus.Lost, OpportunityStatus.Won)]
    [InlineData(OpportunityStatus.Won, OpportunityStatus.Won)]
    [InlineData(OpportunityStatus.Draft, OpportunityStatus.Won)]
    [InlineData(OpportunityStatus.Open, OpportunityStatus.Reversed)]
    [InlineData(OpportunityStatus.Reversed, OpportunityStatus.Won)]
    [InlineData(OpportunityStatus.Withdrawn, OpportunityStatus.Open)]
    public void Refuses_every_other_move_and_says_what_is_possible(OpportunityStatus current, OpportunityStatus target)
    {
        var violation = OpportunityLifecycle.CanMove(Deals.Opportunity(current), target);

        Assert.Equal($"An opportunity that is {current} cannot become {target}.", violation?.Title);
        Assert.NotNull(violation?.Detail);
    }

    [Theory]
    [InlineData(OpportunityStatus.Open, true)]
    [InlineData(OpportunityStatus.Teaming, true)]
    [InlineData(OpportunityStatus.Draft, false)]
    [InlineData(OpportunityStatus.Won, false)]
    public void Takes_invitations_only_while_live(OpportunityStatus status, bool live)
    {
        var opportunity = Deals.Opportunity(status);
        Assert.Equal(live, DealRules.CanInvite(opportunity, Guid.NewGuid(), []) is null);
    }
}
