using System.Runtime.InteropServices;

namespace EcosystemMarket.MatchingBenchmark;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): what a synchronous query costs
/// in compute, excluding the time the thread waited for a core that other processes held.
/// </summary>
public static class ThreadCpuClock
{
    private const int ThreadCpuTimeId = 3;

    public static bool IsSupported { get; } = OperatingSystem.IsLinux() && TryNow(out _);

    /// <returns>Nanoseconds of CPU this thread has used, or 0 where the clock is not available.</returns>
    public static long NowNanoseconds() => IsSupported && TryNow(out var nanoseconds) ? nanoseconds : 0;

    private static bool TryNow(out long nanoseconds)
    {
        try
        {
            var result = ClockGetTime(ThreadCpuTimeId, out var time);
            nanoseconds = time.Seconds * 1_000_000_000 + time.Nanoseconds;
            return result == 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            nanoseconds = 0;
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
