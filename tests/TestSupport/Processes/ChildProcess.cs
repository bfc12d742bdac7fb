using System.Collections.Concurrent;
using System.Diagnostics;

namespace EcosystemMarket.TestSupport.Processes;

/// <summary>
/// A process a reliability test starts, kills (<c>kill -9</c>) and starts again with the same command and
/// environment, keeping its last lines of output to explain a failure. The app host runs the system under Aspire;
/// this launcher exists for what Aspire's resource commands do not offer: a kill without any shutdown code.
/// </summary>
public sealed class ChildProcess(string name, ProcessStartInfo startInfo, Func<Task>? stop = null, Action<string>? output = null) : IAsyncDisposable
{
    public const int KeptLines = 10_000;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);
    private readonly ConcurrentQueue<string> _lines = new();
    private Process? _process;

    public string Name => name;
    public bool HasExited => _process?.HasExited ?? true;
    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;
    public int? ProcessId => _process?.Id;

    /// <summary>The last <see cref="KeptLines"/> lines the process wrote, across restarts.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

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
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Exited += (_, _) => Write($"exited with code {process.ExitCode}");
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
                throw new InvalidOperationException($"{name} exited with code {ExitCode} while starting.");
            }
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{name} was not ready within {timeout.TotalSeconds} s.");
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

    /// <summary>Asks the process to stop (its own stop command, else SIGTERM), then kills what is left.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }
        if (_process.HasExited)
        {
            // What a stop command stops can outlive the process that started it (a daemon behind a wrapper).
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

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }
        _lines.Enqueue(line);
        while (_lines.Count > KeptLines && _lines.TryDequeue(out _))
        {
        }
        output?.Invoke(line);
    }
}
