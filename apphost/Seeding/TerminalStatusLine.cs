using System.Text;

namespace EcosystemMarket.AppHost.Seeding;

/// <summary>
/// The console as a log with one status line kept at the bottom: the services keep writing their log lines
/// while the seed runs, so each line they write first erases the status line and then draws it again below.
/// Without that, the progress bar would be spliced into the middle of the services' lines.
/// </summary>
public sealed class TerminalStatusLine(TextWriter terminal) : TextWriter
{
    private const string EraseLine = "\r\u001b[2K";
    private readonly Lock _lock = new();
    private string? _status;
    private bool _drawn;

    public override Encoding Encoding => terminal.Encoding;

    /// <summary>Routes the console through a status line; the services' output goes through <see cref="Console.Out"/> too.</summary>
    public static TerminalStatusLine Install()
    {
        var line = new TerminalStatusLine(Console.Out);
        Console.SetOut(line);
        return line;
    }

    public void Show(string status)
    {
        lock (_lock)
        {
            terminal.Write(EraseLine + status);
            terminal.Flush();
            (_status, _drawn) = (status, true);
        }
    }

    /// <summary>Leaves the last status where it is, as an ordinary line, and stops redrawing it.</summary>
    public void Release()
    {
        lock (_lock)
        {
            if (_drawn)
            {
                terminal.WriteLine();
            }
            (_status, _drawn) = (null, false);
        }
    }

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        lock (_lock)
        {
            if (_drawn)
            {
                terminal.Write(EraseLine);
                _drawn = false;
            }
            terminal.Write(value);
            if (_status is not null && value.EndsWith('\n'))
            {
                terminal.Write(_status);
                _drawn = true;
            }
            terminal.Flush();
        }
    }

    public override void WriteLine(string? value) => Write(value + NewLine);

    public override void Flush() => terminal.Flush();
}
