using System.Diagnostics;
using EcosystemMarket.Hosting.Resources;

namespace EcosystemMarket.Hosting;

/// <summary>
/// A child process whose console output goes line by line to a sink (by default the console, behind the
/// resource's name) and to its bounded <see cref="Log"/>. It can be started again after it exited, with the
/// same command and environment.
/// </summary>
public sealed class ManagedProcess(string name, ProcessStartInfo startInfo, Func<Task>? stop = null, Action<string>? output = null) : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);
    private static readonly object ConsoleLock = new();
    private static readonly ConsoleColor[] Colors = [ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Yellow, ConsoleColor.Magenta, ConsoleColor.Blue, ConsoleColor.DarkCyan];
    private static int _nextColor;
    private readonly ConsoleColor _color = Colors[Interlocked.Increment(ref _nextColor) % Colors.Length];
    private Process? _process;

    public string Name => name;
    public bool HasExited => _process?.HasExited ?? true;
    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;
    public int? ProcessId => _process?.Id;
    public ConsoleLog Log { get; } = new();

    public void Start()
    {
        if (!HasExited)
        {
            throw new InvalidOperationException($"{name} is already running.");
        }
        _process?.Dispose();
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => Write(e.Data, isError: true);
        process.Exited += (_, _) => Write($"exited with code {process.ExitCode}", isError: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>Polls until <paramref name="ready"/> holds; fails fast when the process exits first.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> ready, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.StartNew();
        while (!await ready())
        {
            if (HasExited)
            {
                throw new ResourceFailedException($"{name} exited with code {ExitCode} while starting.");
            }
            if (deadline.Elapsed > timeout)
            {
                throw new ResourceFailedException($"{name} was not ready within {timeout.TotalSeconds} s.");
            }
            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>Ends the process at once, as <c>kill -9</c> does: no shutdown code runs, nothing is flushed.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// Asks the process to stop (its own stop command, else SIGTERM, on which services shut down gracefully),
    /// then kills what is left.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }
        if (_process.HasExited)
        {
            // What a stop command stops can outlive the process that started it (a daemon behind a wrapper
            // that a signal to the whole process group ended first).
            if (stop is not null)
            {
                await stop();
            }
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
            using var timeout = new CancellationTokenSource(StopTimeout);
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

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
    }

    public static void Announce(string line)
    {
        lock (ConsoleLock)
        {
            Console.WriteLine(line);
        }
    }

    private void Write(string? line, bool isError)
    {
        if (line is null)
        {
            return;
        }
        Log.Append(line, isError);
        if (output is not null)
        {
            output(line);
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
}
