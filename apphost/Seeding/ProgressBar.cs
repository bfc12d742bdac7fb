namespace EcosystemMarket.AppHost.Seeding;

/// <summary>
/// Seeding progress: on a terminal, a bar on the status line, redrawn in place; when the output is redirected
/// (a log file, a test), redrawing would pile up into one unreadable line, so a plain line at every tenth instead.
/// </summary>
public sealed class ProgressBar
{
    public const int Width = 30;
    private readonly TextWriter _log;
    private readonly TerminalStatusLine? _terminal;
    private readonly int _total;
    private int _lastTenth;

    /// <summary>Plain lines on <paramref name="log"/>.</summary>
    public ProgressBar(TextWriter log, int total) => (_log, _total) = (log, total);

    /// <summary>A bar on the terminal's status line.</summary>
    public ProgressBar(TerminalStatusLine terminal, int total) => (_log, _terminal, _total) = (terminal, terminal, total);

    public static ProgressBar ForConsole(int total) =>
        Console.IsOutputRedirected ? new(Console.Out, total) : new(TerminalStatusLine.Install(), total);

    public int Done { get; private set; }

    public void Advance(int steps = 1) => ReportAt(Done + steps);

    public void ReportAt(int done)
    {
        Done = Math.Clamp(done, 0, _total);
        if (_terminal is not null)
        {
            _terminal.Show(Render(Done, _total));
            return;
        }
        var tenth = _total == 0 ? 10 : Done * 10 / _total;
        if (tenth > _lastTenth)
        {
            _lastTenth = tenth;
            _log.WriteLine($"seeding: {Done}/{_total}");
        }
    }

    /// <summary>Leaves the final bar as an ordinary line, so what follows starts on a line of its own.</summary>
    public void Finish() => _terminal?.Release();

    public static string Render(int done, int total)
    {
        var filled = total == 0 ? Width : done * Width / total;
        var percent = total == 0 ? 100 : done * 100 / total;
        return $"seeding [{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total} {percent,3}%";
    }
}
