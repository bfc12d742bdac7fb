namespace EcosystemMarket.Hosting.Resources;

/// <summary>
/// The last lines a resource wrote, numbered from 1 for the app host's lifetime (across restarts), so a
/// reader polls with the last number it saw. Bounded: a chatty service cannot grow the app host's memory.
/// </summary>
public sealed class ConsoleLog(int capacity = ConsoleLog.DefaultCapacity, TimeProvider? clock = null)
{
    public const int DefaultCapacity = 10_000;
    private readonly LogLine[] _lines = new LogLine[capacity];
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private long _newest;

    public void Append(string text, bool isError)
    {
        lock (_lock)
        {
            _newest++;
            _lines[(_newest - 1) % capacity] = new LogLine(_newest, _clock.GetUtcNow(), text, isError);
        }
    }

    /// <summary>Up to <paramref name="limit"/> lines after <paramref name="after"/>, oldest first; lines already overwritten are skipped.</summary>
    public LogPage After(long after, int limit)
    {
        lock (_lock)
        {
            var first = Math.Max(Math.Max(after, 0) + 1, _newest - capacity + 1);
            var count = (int)Math.Clamp(_newest - first + 1, 0, Math.Max(limit, 0));
            var lines = new LogLine[count];
            for (var i = 0; i < count; i++)
            {
                lines[i] = _lines[(first + i - 1) % capacity];
            }
            return new LogPage(lines, count > 0 ? lines[^1].Sequence : Math.Min(Math.Max(after, 0), _newest));
        }
    }
}
