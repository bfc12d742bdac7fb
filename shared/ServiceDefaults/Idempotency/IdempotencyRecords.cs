namespace EcosystemMarket.ServiceDefaults.Idempotency;

/// <summary>The first answer given under a key: replayed to every retry.</summary>
public sealed record StoredAnswer(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>A key found already claimed: its request, and its answer once the request finished (null while in flight).</summary>
public sealed record ExistingKey(RequestFingerprint Request, StoredAnswer? Answer, DateTimeOffset? LockedAt);

public enum IdempotencyVerdict
{
    /// <summary>The key's request finished: answer with what it answered.</summary>
    Replay,

    /// <summary>The key was used for another request (body, path or method): 422.</summary>
    Mismatch,

    /// <summary>The key's request is still running: 409, and do not run it twice.</summary>
    InFlight,

    /// <summary>The key's request was claimed so long ago that its process must have died: run it again.</summary>
    TakeOver,
}

public static class IdempotencyRules
{
    public static IdempotencyVerdict Decide(ExistingKey existing, RequestFingerprint request, DateTimeOffset abandonedBefore)
    {
        if (existing.Request != request)
        {
            return IdempotencyVerdict.Mismatch;
        }
        if (existing.Answer is not null)
        {
            return IdempotencyVerdict.Replay;
        }
        return existing.LockedAt is { } locked && locked < abandonedBefore ? IdempotencyVerdict.TakeOver : IdempotencyVerdict.InFlight;
    }

    /// <summary>Stripe's rule: a server error is not kept, so a retry may run again; every other answer is.</summary>
    public static bool IsKept(int status) => status < 500;
}
