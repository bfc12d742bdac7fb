namespace EcosystemMarket.AppHost.Seeding;

/// <summary>
/// Seeding progress as log lines, one at every tenth: the app host's console is a log that Aspire writes to as
/// well, so a bar redrawn in place would be spliced into its lines.
/// </summary>
public sealed class ProgressBar(TextWriter log, int total)
{
    public const int Width = 30;
    private int _lastTenth;

    public int Done { get; private set; }

    public void Advance(int steps = 1) => ReportAt(Done + steps);

    public void ReportAt(int done)
    {
        Done = Math.Clamp(done, 0, total);
        var tenth = total == 0 ? 10 : Done * 10 / total;
        if (tenth > _lastTenth)
        {
            _lastTenth = tenth;
            log.WriteLine(Render(Done, total));
        }
    }

    public static string Render(int done, int total)
    {
        var filled = total == 0 ? Width : done * Width / total;
        var percent = total == 0 ? 100 : done * 100 / total;
        return $"seeding [{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total} {percent,3}%";
    }
}
