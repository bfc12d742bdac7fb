using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EcosystemMarket.ServiceDefaults.Idempotency;

/// <summary>
/// Honours <c>Idempotency-Key</c> on every POST endpoint: the first request with a key runs and its answer (status, the
/// headers that matter, body) is kept; a retry with the same key, caller, path and body gets that answer again with
/// <c>Idempotent-Replayed: true</c>. The key claimed before the request runs is what stops a concurrent retry (409).
/// Runs after authentication, so the key belongs to the caller the token names.
/// </summary>
internal sealed class IdempotencyMiddleware(
    RequestDelegate next, IIdempotencyStore store, IProblemDetailsService problems, IOptions<IdempotencyOptions> options,
    IServiceProvider services, ILogger<IdempotencyMiddleware> logger)
{
    public const string MismatchType = "https://ecosystemmarket.dev/problems/idempotency-key-reused";
    public const string InFlightType = "https://ecosystemmarket.dev/problems/idempotency-key-in-flight";

    private static readonly string[] KeptHeaders =
        [HeaderNames.ContentType, HeaderNames.Location, HeaderNames.ETag, HeaderNames.LastModified, HeaderNames.ContentLocation];

    private readonly TimeProvider _clock = services.GetService<TimeProvider>() ?? TimeProvider.System;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!Applies(context) || !context.Request.Headers.TryGetValue(IdempotencyKey.HeaderName, out var values)
            || IdempotencyKey.CallerOf(context.User) is not { } caller)
        {
            await next(context);
            return;
        }
        if (!IdempotencyKey.TryRead(values, out var key))
        {
            await WriteProblemAsync(context, StatusCodes.Status400BadRequest, $"The {IdempotencyKey.HeaderName} header is not valid.",
                $"Send one {IdempotencyKey.HeaderName} of 1 to {IdempotencyKey.MaxLength} printable ASCII characters, such as a UUID.");
            return;
        }

        var cancellationToken = context.RequestAborted;
        var request = await FingerprintAsync(context.Request, cancellationToken);
        var now = _clock.GetUtcNow();
        if (await store.ClaimAsync(caller, key, request, now, cancellationToken) is { } existing)
        {
            switch (IdempotencyRules.Decide(existing, request, now - options.Value.AbandonedAfter))
            {
                case IdempotencyVerdict.Replay:
                    await ReplayAsync(context, existing.Answer!);
                    return;
                case IdempotencyVerdict.Mismatch:
                    await WriteProblemAsync(context, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused with different parameters",
                        $"This key was first used for {existing.Request.Method} {existing.Request.Path} with another body; use a new key for a new request.", MismatchType);
                    return;
                case IdempotencyVerdict.TakeOver when await store.TakeOverAsync(caller, key, existing.LockedAt!.Value, now, cancellationToken):
                    break;
                default:
                    await WriteProblemAsync(context, StatusCodes.Status409Conflict, "A request with this Idempotency-Key is still in progress.",
                        "Retry once it has finished to receive its answer.", InFlightType);
                    return;
            }
        }
        await RunAndKeepAsync(context, caller, key);
    }

    /// <summary>POSTs to mapped endpoints; gRPC calls are POSTs too, but not the API's.</summary>
    private static bool Applies(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.GetEndpoint() is not null
        && context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true;

    private static async Task<RequestFingerprint> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        var bodyHash = await RequestFingerprint.HashOfAsync(request.Body, cancellationToken);
        request.Body.Position = 0;
        return new RequestFingerprint(request.Method.ToUpperInvariant(), request.GetEncodedPathAndQuery(), bodyHash);
    }

    private async Task RunAndKeepAsync(HttpContext context, string caller, string key)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
            await response.BodyWriter.FlushAsync(context.RequestAborted);
        }
        catch
        {
            response.Body = original;
            await ReleaseAsync(caller, key);
            throw;
        }
        response.Body = original;

        var answer = new StoredAnswer(response.StatusCode, KeptHeadersOf(response), buffer.ToArray());
        try
        {
            if (IdempotencyRules.IsKept(answer.Status))
            {
                await store.CompleteAsync(caller, key, answer, _clock.GetUtcNow(), CancellationToken.None);
            }
            else
            {
                await store.ReleaseAsync(caller, key, CancellationToken.None);
            }
        }
        catch (Exception exception)
        {
            // The request did its work; failing its answer now would invite a retry that runs it twice. The claim stays
            // until AbandonedAfter, so a retry meanwhile gets 409.
            logger.LogError(exception, "Could not keep the answer of idempotency key {Key}", key);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private async Task ReleaseAsync(string caller, string key)
    {
        try
        {
            await store.ReleaseAsync(caller, key, CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not release idempotency key {Key}", key);
        }
    }

    private static Dictionary<string, string> KeptHeadersOf(HttpResponse response) =>
        KeptHeaders.Where(name => response.Headers.ContainsKey(name))
            .ToDictionary(name => name, name => response.Headers[name].ToString(), StringComparer.OrdinalIgnoreCase);

    private static async Task ReplayAsync(HttpContext context, StoredAnswer answer)
    {
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            context.Response.Headers[name] = value;
        }
        context.Response.Headers[IdempotencyKey.ReplayedHeaderName] = "true";
        if (answer.Body.Length > 0)
        {
            await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted);
        }
    }

    private async Task WriteProblemAsync(HttpContext context, int status, string title, string detail, string? type = null)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail, Type = type },
        });
    }
}
