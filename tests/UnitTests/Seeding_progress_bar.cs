using EcosystemMarket.AppHost.Seeding;

namespace EcosystemMarket.UnitTests;

public class Seeding_progress_bar
{
    [Theory]
    [InlineData(0, 120, "seeding [..............................] 0/120   0%")]
    [InlineData(40, 120, "seeding [##########....................] 40/120  33%")]
    [InlineData(120, 120, "seeding [##############################] 120/120 100%")]
    [InlineData(0, 0, "seeding [##############################] 0/0 100%")]
    public void Renders_a_fixed_width_bar_with_the_count_and_percentage(int done, int total, string expected)
    {
        Assert.Equal(expected, ProgressBar.Render(done, total));
    }

    [Fact]
    public void Writes_a_line_at_every_tenth()
    {
        var output = new StringWriter();
        var bar = new ProgressBar(output, total: 120);

        for (var i = 0; i < 120; i++)
        {
            bar.Advance();
        }

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(1, 10).Select(tenth => ProgressBar.Render(tenth * 12, 120)), lines);
    }

    [Fact]
    public void Never_counts_past_the_total()
    {
        var bar = new ProgressBar(new StringWriter(), total: 3);

        bar.ReportAt(5);

        Assert.Equal(3, bar.Done);
    }
}
