namespace EcosystemMarket.AppHost.Seeding;

/// <summary>
/// Seeding progress on one terminal line redrawn in place; when the output is redirected (a log file, a test),
/// carriage returns would pile up into one unreadable line, so it writes a plain line at every tenth instead.
/// </summary>
public sealed class ProgressBar(TextWriter output, bool interactive, int total)
{
    public const int Width = 30;
    private int _done;
    private int _lastTenth;

    public static ProgressBar ForConsole(int total) => new(Console.Out, interactive: !Console.IsOutputRedirected, total);

    public int Done => _done;

    public void Advance(int steps = 1) => ReportAt(_done + steps);

    public void ReportAt(int done)
    {
        _done = Math.Clamp(done, 0, total);
        if (interactive)
        {
            output.Write($"\r{Render(_done, total)}");
            return;
        }
        var tenth = total == 0 ? 10 : _done * 10 / total;
        if (tenth > _lastTenth)
        {
            _lastTenth = tenth;
            output.WriteLine(RenderPlain(_done, total));
        }
    }

    /// <summary>Ends the bar's line so what follows starts on a line of its own.</summary>
    public void Finish()
    {
        if (interactive)
        {
            output.WriteLine();
        }
    }

    public static string Render(int done, int total)
    {
        var filled = total == 0 ? Width : done * Width / total;
        var percent = total == 0 ? 100 : done * 100 / total;
        return $"seeding [{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total} {percent,3}%";
    }

    public static string RenderPlain(int done, int total) => $"seeding: {done}/{total}";
}
