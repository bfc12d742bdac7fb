using EcosystemMarket.Brokering.Model;

namespace EcosystemMarket.UnitTests;

public class Closing_an_opportunity
{
    [Theory]
    [InlineData(OpportunityStatus.Won)]
    [InlineData(OpportunityStatus.Lost)]
    public void Is_allowed_while_it_is_open(OpportunityStatus target)
    {
        Assert.Null(DealRules.CanClose(Deals.Opportunity(OpportunityStatus.Open), target));
    }

    [Theory]
    [InlineData(OpportunityStatus.Won, OpportunityStatus.Lost)]
    [InlineData(OpportunityStatus.Lost, OpportunityStatus.Won)]
    [InlineData(OpportunityStatus.Won, OpportunityStatus.Won)]
    public void Is_refused_once_it_is_closed(OpportunityStatus current, OpportunityStatus target)
    {
        var violation = DealRules.CanClose(Deals.Opportunity(current), target);

        Assert.Equal($"The opportunity cannot become {target}.", violation?.Title);
    }
}
