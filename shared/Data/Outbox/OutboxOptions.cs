using Microsoft.Extensions.Configuration;

namespace EcosystemMarket.Data.Outbox;

/// <summary>
/// How the outbox behaves with several replicas of a service on one database, from the <c>Outbox:</c> keys:
/// <c>Outbox:LeaseDuration</c>, <c>Outbox:MaxAttempts</c>, <c>Outbox:RetryBackoff</c>, <c>Outbox:Retention</c>,
/// <c>Outbox:InboxRetention</c> and <c>Outbox:PurgeInterval</c> (time spans as <c>hh:mm:ss</c> or <c>d.hh:mm:ss</c>).
/// </summary>
public sealed record OutboxOptions
{
    /// <summary>Redeliveries of a handled message come within hours; a day is the least the inbox keeps, so it still recognises them.</summary>
    public static readonly TimeSpan MinimumInboxRetention = TimeSpan.FromHours(24);
    private static readonly TimeSpan MaximumPublishTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaximumBackoff = TimeSpan.FromMinutes(5);
    private readonly TimeSpan _inboxRetention = TimeSpan.FromDays(7);

    /// <summary>Who holds a claim: unique per dispatcher, so that replicas (and hosts within one process) never share one.</summary>
    public string DispatcherId { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>How long a claim keeps other dispatchers away; after a dispatcher dies, its rows wait this long for another.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>Failed publishes after which a row is parked: kept, with its last error, but no longer dispatched.</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>The wait after a row's first failure, doubled after each further one (up to five minutes).</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long sent outbox rows are kept.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How long handled message ids are kept; never less than <see cref="MinimumInboxRetention"/>.</summary>
    public TimeSpan InboxRetention
    {
        get => _inboxRetention;
        init => _inboxRetention = value < MinimumInboxRetention ? MinimumInboxRetention : value;
    }

    public TimeSpan PurgeInterval { get; init; } = TimeSpan.FromHours(1);

    public int BatchSize { get; init; } = 200;

    /// <summary>Rows deleted per statement: each purge transaction holds its locks only briefly.</summary>
    public int PurgeBatchSize { get; init; } = 500;

    /// <summary>A publish gives up well within the lease, so a row is marked by the dispatcher that still holds it.</summary>
    public TimeSpan PublishTimeout => LeaseDuration * 2 / 3 < MaximumPublishTimeout ? LeaseDuration * 2 / 3 : MaximumPublishTimeout;

    /// <summary>When a row that has now failed <paramref name="attempts"/> times may be tried again.</summary>
    public TimeSpan BackoffAfter(int attempts)
    {
        var backoff = RetryBackoff * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        return backoff < MaximumBackoff ? backoff : MaximumBackoff;
    }

    public static OutboxOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Outbox");
        var defaults = new OutboxOptions();
        return defaults with
        {
            DispatcherId = section[nameof(DispatcherId)] is { Length: > 0 } id ? $"{id}:{Guid.NewGuid():N}" : defaults.DispatcherId,
            LeaseDuration = section.GetValue(nameof(LeaseDuration), defaults.LeaseDuration),
            MaxAttempts = Math.Max(1, section.GetValue(nameof(MaxAttempts), defaults.MaxAttempts)),
            RetryBackoff = section.GetValue(nameof(RetryBackoff), defaults.RetryBackoff),
            Retention = section.GetValue(nameof(Retention), defaults.Retention),
            InboxRetention = section.GetValue(nameof(InboxRetention), defaults.InboxRetention),
            PurgeInterval = section.GetValue(nameof(PurgeInterval), defaults.PurgeInterval),
        };
    }
}
