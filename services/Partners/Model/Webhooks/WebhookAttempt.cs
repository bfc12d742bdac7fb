namespace EcosystemMarket.Partners.Model.Webhooks;

/// <summary>What one attempt came to: the delivery's next state, and what the receiver answered.</summary>
public sealed record WebhookAttempt(string State, DateTimeOffset? NextAttemptAt, int? StatusCode, string? Error, DateTimeOffset? DeliveredAt)
{
    /// <summary>
    /// A 2xx answer delivers; any other answer, a timeout or a refused connection is tried again on the schedule, until
    /// the schedule runs out and the delivery has failed (a replay sends it again).
    /// </summary>
    /// <param name="attemptsBefore">Attempts made before this one.</param>
    public static WebhookAttempt Of(int attemptsBefore, int? statusCode, string? error, DateTimeOffset now, RetrySchedule schedule, double random)
    {
        if (statusCode is >= 200 and < 300)
        {
            return new WebhookAttempt(WebhookDelivery.Delivered, null, statusCode, null, now);
        }
        var next = schedule.NextAttempt(attemptsBefore + 1, now, random);
        var why = error ?? $"The receiver answered {statusCode}.";
        return next is null
            ? new WebhookAttempt(WebhookDelivery.Failed, null, statusCode, why, null)
            : new WebhookAttempt(WebhookDelivery.Pending, next, statusCode, why, null);
    }

    /// <summary>An endpoint disabled (or gone) since the delivery was made: nothing is sent; a replay after enabling it sends it.</summary>
    public static WebhookAttempt EndpointDisabled() => new(WebhookDelivery.Failed, null, null, "The endpoint is disabled.", null);
}
