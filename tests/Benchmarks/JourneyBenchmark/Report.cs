using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;
using EcosystemMarket.MatchingBenchmark;

namespace EcosystemMarket.JourneyBenchmark;

/// <summary>The figures of a run, with what they were measured on: machine, runtime, build, load and command.</summary>
public sealed class Report(JourneyOptions options, Recorder recorder, string loadAtStart, string loadAtEnd, string[] command)
{
    private static readonly Step[] Mix = [Step.Post, Step.Suggestions, Step.Invite];

    public void Print(TextWriter output)
    {
        output.WriteLine($"Journeys through the gateway, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, " +
                         $"{RuntimeInformation.FrameworkDescription}, {BuildConfiguration()} build");
        output.WriteLine($"  command: {Command()}");
        output.WriteLine($"  gateway {options.Gateway}, {options.Clients} VARs at once, {2 * options.Clients} ISVs, {options.Warmup} s warm-up, {options.Seconds} s measured");
        output.WriteLine($"  load average at start {loadAtStart}, at end {loadAtEnd}");
        var seconds = recorder.Window.TotalSeconds;
        output.WriteLine($"  {recorder.SucceededInWindow:N0} journeys in {seconds:F1} s = {recorder.SucceededInWindow / seconds:N1} journeys/s; " +
                         $"{recorder.Succeeded:N0} succeeded and {recorder.Failed:N0} failed in all (warm-up included)");
        var mixCalls = Mix.Sum(s => recorder.Steps[s].Count);
        var mixP99 = new Latencies(mixCalls);
        foreach (var sample in Mix.SelectMany(s => recorder.Steps[s].Samples))
        {
            mixP99.Add(sample);
        }
        output.WriteLine($"  mix (post + suggestions + invite): {mixCalls / seconds:N1} calls/s, p99 {Latencies.Format(mixP99.Percentile(99))}");
        output.WriteLine();
        Table(output);
        output.WriteLine();
        output.WriteLine(recorder.ErrorCount == 0
            ? "  errors: 0"
            : $"  errors: {recorder.ErrorCount:N0} — " + string.Join(", ", recorder.Errors.OrderBy(e => e.Key.Step).ThenBy(e => e.Key.Status)
                .Select(e => $"{e.Key.Step.ToString().ToLowerInvariant()} {StatusName(e.Key.Status)} × {e.Value:N0}")));
    }

    private void Table(TextWriter output)
    {
        var rows = Enum.GetValues<Step>()
            .Select(step => (Name: step.ToString().ToLowerInvariant(), Latencies: recorder.Steps[step], Errors: recorder.Errors.Where(e => e.Key.Step == step).Sum(e => e.Value)))
            .Append(("whole journey", recorder.Journeys, recorder.Failed))
            .ToList();
        output.WriteLine("| step | calls | p50 | p90 | p99 | max | errors |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (name, latencies, errors) in rows)
        {
            output.WriteLine($"| {name} | {latencies.Count:N0} | {Latencies.Format(latencies.Percentile(50))} | {Latencies.Format(latencies.Percentile(90))} | " +
                             $"{Latencies.Format(latencies.Percentile(99))} | {Latencies.Format(latencies.Max)} | {errors:N0} |");
        }
    }

    /// <summary>The arguments as given, but the signing key: a report is pasted where the key must not go.</summary>
    private string Command() =>
        string.Join(' ', command.Skip(1).Select((arg, i) => i > 0 && command[i] == "--signing-key" ? "…" : arg).Prepend("JourneyBenchmark"));

    private static string StatusName(HttpStatusCode status) => status == Gateway.NoAnswer ? "no answer" : $"{(int)status} {status}";

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string BuildConfiguration() =>
        typeof(Report).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "unknown";
}
