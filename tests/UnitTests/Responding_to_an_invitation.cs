using EcosystemMarket.Brokering.Model;

namespace EcosystemMarket.UnitTests;

public class Responding_to_an_invitation
{
    [Fact]
    public void Is_allowed_while_pending_in_time_and_the_opportunity_is_open()
    {
        var opportunity = Deals.Opportunity();

        Assert.Null(DealRules.CanRespond(Deals.Invitation(opportunity, Guid.NewGuid()), opportunity, Deals.Now));
    }

    [Theory]
    [InlineData(InvitationStatus.Accepted)]
    [InlineData(InvitationStatus.Declined)]
    public void Is_refused_when_the_invitation_was_already_answered(InvitationStatus status)
    {
        var opportunity = Deals.Opportunity();

        var violation = DealRules.CanRespond(Deals.Invitation(opportunity, Guid.NewGuid(), status), opportunity, Deals.Now);

        Assert.Equal("The invitation was already answered.", violation?.Title);
    }

    [Fact]
    public void Is_refused_after_the_accept_by_time_but_allowed_at_that_very_instant()
    {
        var opportunity = Deals.Opportunity();
        var invitation = Deals.Invitation(opportunity, Guid.NewGuid(), acceptBy: Deals.Now);

        Assert.Null(DealRules.CanRespond(invitation, opportunity, Deals.Now));
        Assert.Equal("The invitation has expired.", DealRules.CanRespond(invitation, opportunity, Deals.Now.AddTicks(1))?.Title);
    }

    [Theory]
    [InlineData(OpportunityStatus.Won)]
    [InlineData(OpportunityStatus.Lost)]
    public void Is_refused_when_the_opportunity_has_closed(OpportunityStatus status)
    {
        var opportunity = Deals.Opportunity(status);

        var violation = DealRules.CanRespond(Deals.Invitation(opportunity, Guid.NewGuid()), opportunity, Deals.Now);

        Assert.Equal("The opportunity is closed.", violation?.Title);
    }
}
