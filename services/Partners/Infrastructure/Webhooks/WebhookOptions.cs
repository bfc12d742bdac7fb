namespace EcosystemMarket.Partners.Infrastructure.Webhooks;

/// <summary>Section <c>Webhooks</c>: how notifications reach partners' endpoints.</summary>
public sealed class WebhookOptions
{
    /// <summary>The most one request may take, connection included; a slower receiver counts as a failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests in flight at once per replica: a slow receiver holds one of these, never the others.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>Delays between attempts, comma-separated (<c>00:01:00,00:05:00,...</c>); empty: the default, over a day.</summary>
    public string? RetrySchedule { get; set; }

    /// <summary>How long the previous secret keeps signing after a rotation.</summary>
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Lets endpoints on loopback (http or https) through the SSRF rule; always on in Development.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>How often the dispatcher looks for due retries when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
