using EcosystemMarket.Brokering.Model;
using EcosystemMarket.ServiceDefaults;
using EcosystemMarket.ServiceDefaults.Problems;

namespace EcosystemMarket.UnitTests;

public class Reporting_periods
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void Without_dates_a_period_is_the_last_90_days_up_to_today_inclusive()
    {
        var period = ReportingPeriod.Parse(null, null, Today, new ValidationErrors());

        Assert.Equal(new ReportingPeriod(new DateOnly(2026, 8, 28), Today), period);
        Assert.Equal(90, period!.To.DayNumber - period.From.DayNumber + 1);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero), period.End);
    }

    [Fact]
    public void A_period_ending_on_a_given_day_spans_90_days_back_from_it()
    {
        Assert.Equal(new ReportingPeriod(new DateOnly(2026, 3, 3), new DateOnly(2026, 5, 31)),
            ReportingPeriod.Parse(null, "2026-05-31", Today, new ValidationErrors()));
    }

    [Theory]
    [InlineData("yesterday", null, "from")]
    [InlineData(null, "2026-13-01", "to")]
    [InlineData("2026-11-20", "2026-11-19", "from")]
    [InlineData("2025-01-01", "2026-11-01", "to")]
    public void Bad_dates_a_reversed_or_an_overlong_period_are_refused(string? from, string? to, string field)
    {
        var errors = new ValidationErrors();

        Assert.Null(ReportingPeriod.Parse(from, to, Today, errors));
        Assert.Equal([field], errors.ToDictionary().Keys);
    }
}
