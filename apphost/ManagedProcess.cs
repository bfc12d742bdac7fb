using System.Diagnostics;

namespace EcosystemMarket.AppHost;

/// <summary>A child process whose console output is echoed line by line behind its resource name.</summary>
public sealed class ManagedProcess(string name, ProcessStartInfo startInfo, Func<Task>? stop = null) : IAsyncDisposable
{
    private static readonly object ConsoleLock = new();
    private static readonly ConsoleColor[] Colors = [ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Yellow, ConsoleColor.Magenta, ConsoleColor.Blue, ConsoleColor.DarkCyan];
    private static int _nextColor;
    private readonly ConsoleColor _color = Colors[Interlocked.Increment(ref _nextColor) % Colors.Length];
    private Process? _process;

    public string Name => name;
    public bool HasExited => _process?.HasExited ?? true;
    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;
    public int? ProcessId => _process?.Id;

    public void Start()
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        _process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Write(e.Data);
        _process.ErrorDataReceived += (_, e) => Write(e.Data);
        _process.Exited += (_, _) => Write($"exited with code {_process.ExitCode}");
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static void Announce(string line)
    {
        lock (ConsoleLock)
        {
            Console.WriteLine(line);
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (ConsoleLock)
        {
            var redirected = Console.IsOutputRedirected;
            if (!redirected)
            {
                Console.ForegroundColor = _color;
            }
            Console.Write($"[{name}] ");
            if (!redirected)
            {
                Console.ResetColor();
            }
            Console.WriteLine(line);
        }
    }

    /// <summary>
    /// Asks the process to stop (its own stop command, else SIGTERM, on which services shut down gracefully),
    /// then kills what is left.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }
        try
        {
            if (stop is not null)
            {
                await stop();
            }
            else
            {
                Process.Start("kill", ["-TERM", _process.Id.ToString()])?.WaitForExit();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the signal.
        }
    }
}
