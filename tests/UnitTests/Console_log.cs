using EcosystemMarket.Hosting.Resources;

namespace EcosystemMarket.UnitTests;

public sealed class Console_log
{
    [Fact]
    public void Numbers_lines_from_one_and_pages_after_the_last_seen()
    {
        var log = new ConsoleLog();
        log.Append("one", isError: false);
        log.Append("two", isError: true);
        log.Append("three", isError: false);

        var first = log.After(0, limit: 2);
        Assert.Equal([(1L, "one", false), (2L, "two", true)], first.Lines.Select(l => (l.Sequence, l.Text, l.IsError)));
        Assert.Equal(2, first.Next);

        var rest = log.After(first.Next, limit: 10);
        Assert.Equal(["three"], rest.Lines.Select(l => l.Text));
        Assert.Equal(3, rest.Next);
    }

    [Fact]
    public void Keeps_only_the_newest_lines_when_full()
    {
        var log = new ConsoleLog(capacity: 3);
        foreach (var i in Enumerable.Range(1, 7))
        {
            log.Append($"line {i}", isError: false);
        }

        var page = log.After(0, limit: 100);

        Assert.Equal([5L, 6L, 7L], page.Lines.Select(l => l.Sequence));
        Assert.Equal(["line 5", "line 6", "line 7"], page.Lines.Select(l => l.Text));
    }

    [Fact]
    public void Answers_an_empty_page_that_keeps_the_reader_s_place_when_nothing_is_new()
    {
        var log = new ConsoleLog();
        log.Append("only", isError: false);

        Assert.Equal((0, 1L), (log.After(1, limit: 10).Lines.Count, log.After(1, limit: 10).Next));
        Assert.Equal(1, log.After(99, limit: 10).Next);
        Assert.Empty(new ConsoleLog().After(0, limit: 10).Lines);
    }
}
