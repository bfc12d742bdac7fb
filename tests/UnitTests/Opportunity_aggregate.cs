using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.UnitTests;

/// <summary>The opportunity aggregate checks its rules, changes its state and says what to publish.</summary>
public class Opportunity_aggregate
{
    private static readonly RewardTerms Fee = new() { Kind = RewardTerms.ReferralFee, Percent = 5m };

    [Fact]
    public void Inviting_adds_a_pending_invitation_to_save_and_announces_it()
    {
        var aggregate = new OpportunityAggregate(Deals.Opportunity(), []);
        var invitee = Guid.NewGuid();

        var outcome = aggregate.Invite(invitee, "security", Fee, Deals.Now.AddDays(3), Deals.Now);

        Assert.False(outcome.Refused);
        var invited = Assert.IsType<PartnerInvited>(Assert.Single(outcome.Events));
        Assert.Equal(invitee, invited.InviteePartnerId);
        Assert.Equal(outcome.Invitation, Assert.Single(aggregate.Offered));
        Assert.Equal(InvitationStatus.Pending, aggregate.Invitation(invited.InvitationId)?.Status);
    }

    [Fact]
    public void Inviting_the_same_partner_twice_is_refused_and_changes_nothing()
    {
        var aggregate = new OpportunityAggregate(Deals.Opportunity(), []);
        var invitee = Guid.NewGuid();
        aggregate.Invite(invitee, "security", Fee, Deals.Now.AddDays(3), Deals.Now);

        var second = aggregate.Invite(invitee, "security", Fee, Deals.Now.AddDays(3), Deals.Now);

        Assert.Equal("This partner is already invited.", second.Violation?.Title);
        Assert.Empty(second.Events);
        Assert.Single(aggregate.Invitations);
    }

    [Fact]
    public void The_first_acceptance_forms_the_team_and_remembers_the_status_it_answered()
    {
        var opportunity = Deals.Opportunity();
        var invitation = Deals.Invitation(opportunity, Guid.NewGuid());
        var aggregate = new OpportunityAggregate(opportunity, [invitation]);

        var outcome = aggregate.Respond(invitation.Id, accept: true, null, Deals.Now);

        Assert.IsType<InvitationAccepted>(Assert.Single(outcome.Events));
        Assert.Equal(OpportunityStatus.Teaming, aggregate.Opportunity.Status);
        var (answered, statusAsRead) = Assert.Single(aggregate.Answered);
        Assert.Equal((InvitationStatus.Accepted, InvitationStatus.Pending), (answered.Status, statusAsRead));
    }

    [Fact]
    public void Accepting_after_the_deadline_is_refused_as_expired()
    {
        var opportunity = Deals.Opportunity();
        var invitation = Deals.Invitation(opportunity, Guid.NewGuid(), acceptBy: Deals.Now);
        var aggregate = new OpportunityAggregate(opportunity, [invitation]);

        var outcome = aggregate.Respond(invitation.Id, accept: true, null, Deals.Now.AddTicks(1));

        Assert.Equal("The invitation has expired.", outcome.Violation?.Title);
        Assert.Equal(OpportunityStatus.Open, aggregate.Opportunity.Status);
        Assert.Empty(aggregate.Answered);
    }

    [Fact]
    public void Expiring_what_is_due_offers_each_place_to_the_next_partner_that_may_still_be_invited()
    {
        var opportunity = Deals.Opportunity() with { AutoInviteNextBest = true };
        var (alreadyInvited, nextBest) = (Guid.NewGuid(), Guid.NewGuid());
        var due = Deals.Invitation(opportunity, Guid.NewGuid(), acceptBy: Deals.Now.AddMinutes(-1));
        var notDue = Deals.Invitation(opportunity, alreadyInvited, acceptBy: Deals.Now.AddDays(1));
        var aggregate = new OpportunityAggregate(opportunity, [due, notDue]);

        var outcome = aggregate.ExpireDue(Deals.Now, [alreadyInvited, nextBest], TimeSpan.FromDays(3));

        Assert.Collection(outcome.Events,
            e => Assert.Equal(due.Id, Assert.IsType<InvitationExpired>(e).InvitationId),
            e => Assert.Equal(nextBest, Assert.IsType<PartnerInvited>(e).InviteePartnerId));
        Assert.Equal(InvitationStatus.Expired, aggregate.Invitation(due.Id)?.Status);
        Assert.Equal(InvitationStatus.Pending, aggregate.Invitation(notDue.Id)?.Status);
        Assert.Equal(Deals.Now.AddDays(3), Assert.Single(aggregate.Offered).AcceptBy);
    }

    [Fact]
    public void A_replacement_is_invited_under_the_programs_terms_so_an_influencer_is_passed_over_and_an_SLA_partner_answers_by_its_time()
    {
        var opportunity = Deals.Opportunity() with { AutoInviteNextBest = true, VendorId = "northwind" };
        var due = Deals.Invitation(opportunity, Guid.NewGuid(), acceptBy: Deals.Now.AddMinutes(-1));
        var aggregate = new OpportunityAggregate(opportunity, [due]);
        var (influencer, slaPartner) = (Guid.NewGuid(), Guid.NewGuid());
        var management = ProgramManagement.Default("northwind") with
        {
            CategoryModes = new Dictionary<string, string> { ["industry-analyst"] = ProgramManagement.MarketingPr, ["consulting-deployment"] = ProgramManagement.Sla },
            SlaResponseHours = 8,
        };
        var categories = new Dictionary<Guid, string> { [influencer] = "industry-analyst", [slaPartner] = "consulting-deployment" };

        var outcome = aggregate.ExpireDue(Deals.Now, [influencer, slaPartner], TimeSpan.FromDays(3), partner => management.Engage(categories[partner], Deals.Now));

        Assert.Equal(slaPartner, Assert.IsType<PartnerInvited>(outcome.Events[1]).InviteePartnerId);
        var invited = Assert.Single(aggregate.Offered);
        Assert.Equal((slaPartner, Deals.Now.AddHours(8)), (invited.InviteePartnerId, invited.SlaDueAt));
    }

    [Fact]
    public void Expiring_reinvites_no_one_when_the_owner_did_not_allow_it()
    {
        var opportunity = Deals.Opportunity();
        var due = Deals.Invitation(opportunity, Guid.NewGuid(), acceptBy: Deals.Now.AddMinutes(-1));
        var aggregate = new OpportunityAggregate(opportunity, [due]);

        var outcome = aggregate.ExpireDue(Deals.Now, [Guid.NewGuid()], TimeSpan.FromDays(3));

        Assert.IsType<InvitationExpired>(Assert.Single(outcome.Events));
        Assert.Empty(aggregate.Offered);
    }

    [Fact]
    public void Winning_names_the_team_that_accepted_and_a_second_win_is_refused()
    {
        var opportunity = Deals.Opportunity(OpportunityStatus.Teaming);
        var member = Deals.Invitation(opportunity, Guid.NewGuid(), InvitationStatus.Accepted);
        var aggregate = new OpportunityAggregate(opportunity, [member, Deals.Invitation(opportunity, Guid.NewGuid(), InvitationStatus.Declined)]);

        var won = Assert.IsType<OpportunityWon>(Assert.Single(aggregate.Win(90_000m, null, Deals.Now).Events));
        var again = aggregate.Win(95_000m, null, Deals.Now);

        Assert.Equal(member.InviteePartnerId, Assert.Single(won.Team).PartnerId);
        Assert.Equal((OpportunityStatus.Won, 90_000m), (aggregate.Opportunity.Status, aggregate.Opportunity.FinalValue));
        Assert.Equal("An opportunity that is Won cannot become Won.", again.Violation?.Title);
    }

    [Fact]
    public void Only_the_owner_acts_as_owner()
    {
        var aggregate = new OpportunityAggregate(Deals.Opportunity(), []);

        Assert.True(aggregate.IsOwnedBy(aggregate.Opportunity.OwnerPartnerId));
        Assert.False(aggregate.IsOwnedBy(Guid.NewGuid()));
        Assert.False(aggregate.IsOwnedBy(null));
    }
}
