namespace EcosystemMarket.ServiceDefaults.Audit;

/// <summary>
/// UUIDv7 ids that only grow within a process: <see cref="Guid.CreateVersion7(DateTimeOffset)"/> fills everything after the
/// millisecond with random bits, so two entries of one millisecond could sort either way. Here an id that would not sort
/// after the previous one is the previous one plus one in its random part (RFC 9562, 6.2, method 2: a monotonic random),
/// so one service's log keeps the order its changes were recorded in; across services and replicas, the millisecond orders.
/// </summary>
public static class AuditIds
{
    private static readonly Lock Gate = new();
    private static byte[] _last = new byte[16];

    public static Guid Next(DateTimeOffset at)
    {
        var candidate = Guid.CreateVersion7(at).ToByteArray(bigEndian: true);
        lock (Gate)
        {
            if (candidate.AsSpan().SequenceCompareTo(_last) <= 0)
            {
                candidate = (byte[])_last.Clone();
                // The random part after the variant bits (bytes 9–15): 56 bits, never exhausted within a millisecond.
                for (var i = 15; i >= 9 && ++candidate[i] == 0; i--)
                {
                }
            }
            _last = candidate;
        }
        return new Guid(candidate, bigEndian: true);
    }
}
