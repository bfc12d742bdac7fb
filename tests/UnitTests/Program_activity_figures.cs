using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.ServiceDefaults;

namespace EcosystemMarket.UnitTests;

public class Program_activity_figures
{
    private static readonly DateTimeOffset Posted = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ReportingPeriod Period = new(new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 29));
    private static readonly RegistrationCounts NoRegistrations = new(0, 0, 0, 0);

    private static PostedOpportunity Opportunity(OpportunityStatus status, string currency = "USD", decimal estimated = 100m, decimal? final = null) =>
        new(Guid.NewGuid(), status, currency, estimated, final, Posted);

    private static InvitationOutcome Invitation(PostedOpportunity to, InvitationStatus status, TimeSpan? answeredAfter = null) =>
        new(to.Id, status, Posted, answeredAfter is { } after ? Posted + after : null);

    [Fact]
    public void Values_add_up_per_currency_won_at_the_final_value_and_lost_at_the_estimate()
    {
        List<PostedOpportunity> opportunities =
        [
            Opportunity(OpportunityStatus.Won, "USD", 1_000m, 1_250.50m), Opportunity(OpportunityStatus.Won, "EUR", 400m, 390m),
            Opportunity(OpportunityStatus.Lost, "USD", 700m), Opportunity(OpportunityStatus.Open, "USD", 300m),
            Opportunity(OpportunityStatus.Reversed, "USD", 50m, 60m), Opportunity(OpportunityStatus.Withdrawn, "USD", 10m),
        ];

        var figures = ProgramActivity.Of("acme", Period, opportunities, [], NoRegistrations);

        Assert.Equal(6, figures.Posted);
        Assert.Equal([new CurrencyTotal("EUR", 1, 400m), new CurrencyTotal("USD", 5, 2_060m)], figures.PostedValue);
        Assert.Equal([new CurrencyTotal("EUR", 1, 390m), new CurrencyTotal("USD", 1, 1_250.50m)], figures.Outcomes.WonValue);
        Assert.Equal([new CurrencyTotal("USD", 1, 700m)], figures.Outcomes.LostValue);
        Assert.Equal((2, 1, 1, 1), (figures.Outcomes.Won, figures.Outcomes.Lost, figures.Outcomes.Withdrawn, figures.Outcomes.Reversed));
        Assert.Equal(2.0 / 3, figures.Outcomes.WinRate);
    }

    [Fact]
    public void Response_time_is_the_median_of_accepted_and_declined_answers_and_expired_ones_count_against_acceptance()
    {
        var opportunity = Opportunity(OpportunityStatus.Teaming);
        List<InvitationOutcome> invitations =
        [
            Invitation(opportunity, InvitationStatus.Accepted, TimeSpan.FromHours(1)),
            Invitation(opportunity, InvitationStatus.Declined, TimeSpan.FromHours(3)),
            Invitation(opportunity, InvitationStatus.Expired, TimeSpan.FromDays(7)),
            Invitation(opportunity, InvitationStatus.Pending),
        ];

        var figures = ProgramActivity.Of(null, Period, [opportunity], invitations, NoRegistrations).Invitations;

        Assert.Equal((4, 1, 1, 1, 1), (figures.Sent, figures.Accepted, figures.Declined, figures.Expired, figures.Pending));
        Assert.Equal(TimeSpan.FromHours(2), figures.MedianResponseTime);
        Assert.Equal(1.0 / 3, figures.AcceptanceRate);
    }

    [Fact]
    public void Time_to_team_runs_from_publication_to_the_first_acceptance_of_each_opportunity()
    {
        var (quick, slow, alone) = (Opportunity(OpportunityStatus.Teaming), Opportunity(OpportunityStatus.Won, final: 100m), Opportunity(OpportunityStatus.Open));
        List<InvitationOutcome> invitations =
        [
            Invitation(quick, InvitationStatus.Accepted, TimeSpan.FromHours(2)),
            Invitation(quick, InvitationStatus.Accepted, TimeSpan.FromHours(30)),
            Invitation(slow, InvitationStatus.Accepted, TimeSpan.FromHours(10)),
            Invitation(alone, InvitationStatus.Declined, TimeSpan.FromHours(1)),
        ];

        var figures = ProgramActivity.Of(null, Period, [quick, slow, alone], invitations, NoRegistrations);

        Assert.Equal(2, figures.Teamed);
        Assert.Equal(TimeSpan.FromHours(6), figures.MedianTimeToTeam);
    }

    [Fact]
    public void Match_rate_is_the_share_of_posted_opportunities_matching_suggested_a_partner_for()
    {
        List<PostedOpportunity> opportunities =
        [
            Opportunity(OpportunityStatus.Open) with { Matched = true }, Opportunity(OpportunityStatus.Won, final: 1m) with { Matched = true },
            Opportunity(OpportunityStatus.Open), Opportunity(OpportunityStatus.Withdrawn) with { Matched = true },
        ];

        var figures = ProgramActivity.Of("acme", Period, opportunities, [], NoRegistrations);

        Assert.Equal((3L, 0.75), (figures.Matched, figures.MatchRate));
    }

    [Fact]
    public void Nothing_posted_gives_zeros_and_no_rates_or_medians()
    {
        var figures = ProgramActivity.Of("acme", Period, [], [], new RegistrationCounts(3, 1, 1, 2));

        Assert.Equal(0, figures.Posted);
        Assert.Null(figures.MatchRate);
        Assert.Null(figures.Outcomes.WinRate);
        Assert.Null(figures.Invitations.AcceptanceRate);
        Assert.Null(figures.Invitations.MedianResponseTime);
        Assert.Null(figures.MedianTimeToTeam);
        Assert.Equal([new GroupCount("overlap", 1), new GroupCount("poaching", 2)], figures.DealRegistrations.Conflicts);
        Assert.Equal((Period.From, Period.To), (figures.From, figures.To));
    }
}
