using System.Diagnostics;
using EcosystemMarket.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EcosystemMarket.ServiceDefaults.Audit;

/// <summary>
/// Who makes the changes of the current request (or message, or job), for whom, and from which request: what every
/// audit entry the request's units of work record is stamped with.
/// </summary>
/// <param name="Actor">The token's subject, or <c>system</c> for a consumer or a background job.</param>
/// <param name="ActingFor">The partner (its id) or vendor program the actor acts for; null for administrators and the system.</param>
/// <param name="Request">The request that made the change, e.g. <c>POST /api/opportunities</c>; for the system, the operation.</param>
public sealed record AuditActor(string Actor, string Role, string? ActingFor, string? Request, string? IdempotencyKey)
{
    /// <summary>
    /// Whether the current trace is the one that caused the change: true for a request and for a consumer of one message
    /// (the trace continues from the request that published it), false for a batch of messages from several requests.
    /// </summary>
    public bool Traced { get; init; } = true;

    public const string SystemActor = "system";
    private const int MaxRequestLength = 300;

    /// <summary>The system: a consumer or a background job. Its operation (and so its trace) is the current activity's.</summary>
    public static AuditActor System() => new(SystemActor, SystemActor, null, Truncate(Activity.Current?.DisplayName), null);

    /// <summary>The system handling a batch of <paramref name="count"/> messages: one trace id only when there is one message.</summary>
    public static AuditActor Batch(string messageType, int count) =>
        new(SystemActor, SystemActor, null, $"{messageType} batch of {count}", null) { Traced = count == 1 };

    public static AuditActor Of(HttpContext context)
    {
        var user = context.User;
        var role = user.FindFirst(ClaimNames.Role)?.Value;
        var actingFor = user.PartnerId()?.ToString("D") ?? user.VendorId();
        var key = context.Request.Headers[Idempotency.IdempotencyKey.HeaderName].ToString();
        return new(user.FindFirst(ClaimNames.Subject)?.Value ?? "anonymous", role ?? "anonymous", actingFor,
            Truncate($"{context.Request.Method} {context.Request.Path}"), key.Length is > 0 and <= 255 ? key : null);
    }

    private static string? Truncate(string? text) => text is { Length: > MaxRequestLength } ? text[..MaxRequestLength] : text;
}

/// <summary>
/// The actor of the code running now: set per request by <see cref="AuditActorExtensions.UseAuditActor"/>, else the system.
/// A request's actor is worked out only when one of its changes is recorded, so reads pay nothing for it.
/// </summary>
public static class AuditContext
{
    private static readonly AsyncLocal<Func<AuditActor>?> Actor = new();

    public static AuditActor Current => Actor.Value?.Invoke() ?? AuditActor.System();

    public static IDisposable Use(AuditActor actor) => Use(() => actor);

    public static IDisposable Use(Func<AuditActor> actor)
    {
        var previous = Actor.Value;
        Actor.Value = actor;
        return new Restore(previous);
    }

    private sealed class Restore(Func<AuditActor>? previous) : IDisposable
    {
        public void Dispose() => Actor.Value = previous;
    }
}

public static class AuditActorExtensions
{
    /// <summary>After authentication: the request's changes are recorded as made by its caller.</summary>
    public static IApplicationBuilder UseAuditActor(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        using (AuditContext.Use(() => AuditActor.Of(context)))
        {
            await next(context);
        }
    });
}
