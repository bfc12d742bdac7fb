namespace EcosystemMarket.ServiceDefaults.Idempotency;

/// <summary>Configuration section <c>Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    /// <summary>How long a key and its answer are kept (at least this long: the purge runs every <see cref="PurgeInterval"/>).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A claim older than this without an answer belongs to a process that died mid-request; a retry may then run the
    /// request again. Longer than any request may take.
    /// </summary>
    public TimeSpan AbandonedAfter { get; set; } = TimeSpan.FromMinutes(2);
}
