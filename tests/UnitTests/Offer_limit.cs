using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.UnitTests;

/// <summary>A team is never offered more than the deal is worth.</summary>
public class Offer_limit
{
    private static RewardTerms Percent(decimal percent) => new() { Kind = RewardTerms.ReferralFee, Percent = percent };
    private static RewardTerms Fixed(decimal amount) => new() { Kind = RewardTerms.FixedFee, Amount = amount };

    [Fact]
    public void Offers_up_to_the_estimated_value_are_allowed_and_the_next_one_is_refused_naming_what_remains()
    {
        var opportunity = Deals.Opportunity();
        var aggregate = new OpportunityAggregate(opportunity, [
            Deals.Invitation(opportunity, Guid.NewGuid(), InvitationStatus.Accepted) with { Reward = Percent(60m) },
            Deals.Invitation(opportunity, Guid.NewGuid()) with { Reward = Fixed(30_000m) },
            Deals.Invitation(opportunity, Guid.NewGuid(), InvitationStatus.Declined) with { Reward = Percent(90m) },
        ]);

        var exactly = aggregate.Invite(Guid.NewGuid(), "x", Fixed(10_000m), Deals.Now.AddDays(1), Deals.Now);
        var beyond = aggregate.Invite(Guid.NewGuid(), "x", Percent(0.01m), Deals.Now.AddDays(1), Deals.Now);

        Assert.False(exactly.Refused);
        Assert.Equal("The offers would exceed the deal's value.", beyond.Violation?.Title);
        Assert.Contains("100000 USD", beyond.Violation?.Detail);
        Assert.Contains("0 USD remains", beyond.Violation?.Detail);
    }

    [Fact]
    public void Declined_and_expired_offers_free_their_share()
    {
        var opportunity = Deals.Opportunity();
        var aggregate = new OpportunityAggregate(opportunity, [
            Deals.Invitation(opportunity, Guid.NewGuid(), InvitationStatus.Expired) with { Reward = Percent(100m) },
        ]);

        Assert.False(aggregate.Invite(Guid.NewGuid(), "x", Percent(100m), Deals.Now.AddDays(1), Deals.Now).Refused);
    }
}
