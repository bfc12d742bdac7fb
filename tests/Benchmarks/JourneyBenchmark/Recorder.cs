using System.Diagnostics;
using System.Net;
using EcosystemMarket.MatchingBenchmark;

namespace EcosystemMarket.JourneyBenchmark;

/// <summary>
/// What the clients measured: latencies of steps and journeys that started in the measured window, journeys that
/// finished in it, and every error from the first call on (warm-up included: an error is never a warm-up effect to hide).
/// </summary>
public sealed class Recorder(long measuredFrom, long measuredUntil)
{
    private readonly Dictionary<Step, Latencies> _steps = Enum.GetValues<Step>().ToDictionary(s => s, _ => new Latencies(4096));
    private readonly Latencies _journeys = new(4096);
    private readonly Dictionary<(Step Step, HttpStatusCode Status), int> _errors = [];
    private readonly Lock _lock = new();

    public int Succeeded { get; private set; }
    public int Failed { get; private set; }
    public int SucceededInWindow { get; private set; }

    public IReadOnlyDictionary<Step, Latencies> Steps => _steps;
    public Latencies Journeys => _journeys;
    public IReadOnlyDictionary<(Step Step, HttpStatusCode Status), int> Errors => _errors;
    public int ErrorCount => _errors.Values.Sum();
    public TimeSpan Window => Stopwatch.GetElapsedTime(measuredFrom, measuredUntil);

    public bool Measured(long startedAt) => startedAt >= measuredFrom && startedAt < measuredUntil;

    public void Step(Step step, long journeyStartedAt, Gateway.Answer answer)
    {
        lock (_lock)
        {
            if (!answer.Succeeded)
            {
                _errors[(step, answer.Status)] = _errors.GetValueOrDefault((step, answer.Status)) + 1;
            }
            else if (Measured(journeyStartedAt))
            {
                _steps[step].Add(answer.Milliseconds);
            }
        }
    }

    public void Journey(long startedAt, bool succeeded)
    {
        var finishedAt = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            if (!succeeded)
            {
                Failed++;
                return;
            }
            Succeeded++;
            if (Measured(startedAt))
            {
                _journeys.Add(Stopwatch.GetElapsedTime(startedAt, finishedAt).TotalMilliseconds);
            }
            if (finishedAt >= measuredFrom && finishedAt < measuredUntil)
            {
                SucceededInWindow++;
            }
        }
    }
}
