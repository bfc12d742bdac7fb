using EcosystemMarket.Brokering.Model;

namespace EcosystemMarket.UnitTests;

public class Inviting_a_partner
{
    [Fact]
    public void Is_allowed_to_an_open_opportunity_even_when_other_partners_are_invited()
    {
        var opportunity = Deals.Opportunity();
        var others = new[] { Deals.Invitation(opportunity, Guid.NewGuid()), Deals.Invitation(opportunity, Guid.NewGuid(), InvitationStatus.Accepted) };

        Assert.Null(DealRules.CanInvite(opportunity, Guid.NewGuid(), others));
    }

    [Theory]
    [InlineData(OpportunityStatus.Won)]
    [InlineData(OpportunityStatus.Lost)]
    public void Is_refused_when_the_opportunity_is_not_open(OpportunityStatus status)
    {
        var violation = DealRules.CanInvite(Deals.Opportunity(status), Guid.NewGuid(), []);

        Assert.Equal("The opportunity is not open.", violation?.Title);
    }

    [Fact]
    public void Is_refused_when_the_owner_invites_itself()
    {
        var opportunity = Deals.Opportunity();

        var violation = DealRules.CanInvite(opportunity, opportunity.OwnerPartnerId, []);

        Assert.Equal("An owner cannot invite itself.", violation?.Title);
    }

    [Theory]
    [InlineData(InvitationStatus.Pending)]
    [InlineData(InvitationStatus.Accepted)]
    public void Is_refused_when_the_partner_already_has_a_live_invitation(InvitationStatus status)
    {
        var opportunity = Deals.Opportunity();
        var invitee = Guid.NewGuid();

        var violation = DealRules.CanInvite(opportunity, invitee, [Deals.Invitation(opportunity, invitee, status)]);

        Assert.Equal("This partner is already invited.", violation?.Title);
    }

    [Fact]
    public void Is_allowed_again_after_the_partner_declined()
    {
        var opportunity = Deals.Opportunity();
        var invitee = Guid.NewGuid();

        Assert.Null(DealRules.CanInvite(opportunity, invitee, [Deals.Invitation(opportunity, invitee, InvitationStatus.Declined)]));
    }
}
