using EcosystemMarket.AppHost.Seeding;

namespace EcosystemMarket.UnitTests;

public class Seeding_progress_bar
{
    private const string EraseLine = "\r\u001b[2K";

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
    public void Redraws_the_status_line_in_place_on_a_terminal()
    {
        var terminal = new StringWriter();
        var bar = new ProgressBar(new TerminalStatusLine(terminal), total: 4);

        bar.Advance();
        bar.Advance();
        bar.Finish();

        Assert.Equal($"{EraseLine}{ProgressBar.Render(1, 4)}{EraseLine}{ProgressBar.Render(2, 4)}{Environment.NewLine}", terminal.ToString());
    }

    [Fact]
    public void Stays_below_the_log_lines_written_while_it_shows()
    {
        var terminal = new StringWriter();
        var status = new TerminalStatusLine(terminal);
        var bar = new ProgressBar(status, total: 4);

        bar.Advance();
        status.Write("[gateway] ");
        status.WriteLine("proxied");
        bar.Finish();
        status.WriteLine("after");

        Assert.Equal(
            $"{EraseLine}{ProgressBar.Render(1, 4)}{EraseLine}[gateway] proxied\n{ProgressBar.Render(1, 4)}\nafter\n",
            terminal.ToString());
    }

    [Fact]
    public void Writes_a_plain_line_at_every_tenth_when_redirected()
    {
        var output = new StringWriter();
        var bar = new ProgressBar(output, total: 120);

        for (var i = 0; i < 120; i++)
        {
            bar.Advance();
        }
        bar.Finish();

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(1, 10).Select(tenth => $"seeding: {tenth * 12}/120"), lines);
    }

    [Fact]
    public void Never_counts_past_the_total()
    {
        var bar = new ProgressBar(new StringWriter(), total: 3);

        bar.ReportAt(5);

        Assert.Equal(3, bar.Done);
    }
}
