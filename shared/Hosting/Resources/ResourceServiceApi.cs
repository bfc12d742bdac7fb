using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace EcosystemMarket.Hosting.Resources;

/// <summary>The endpoints <see cref="ResourceServiceDefaults"/> describes, behind the per-run API key.</summary>
public static class ResourceServiceApi
{
    private const int MaxLogPage = 5_000;

    public static RouteGroupBuilder MapResourceServiceApi(this IEndpointRouteBuilder endpoints, ResourceTracker tracker, string apiKey)
    {
        var group = endpoints.MapGroup("/resources").AddEndpointFilter(RequireApiKey(apiKey));
        group.MapGet("/", () => TypedResults.Ok(tracker.All.Select(r => r.Snapshot()).ToList()));
        group.MapGet("/{name}/logs", Results<Ok<LogPage>, ProblemHttpResult> (string name, long? after, int? limit) =>
            tracker.Find(name) is { } resource
                ? TypedResults.Ok(resource.Log.After(after ?? 0, Math.Clamp(limit ?? 1_000, 1, MaxLogPage)))
                : UnknownResource(name));
        group.MapPost("/{name}/{action}", Results<Accepted, ProblemHttpResult> (string name, string action) =>
            Act(tracker, name, action));
        return group;
    }

    private static Results<Accepted, ProblemHttpResult> Act(ResourceTracker tracker, string name, string action)
    {
        if (tracker.Find(name) is not { } resource)
        {
            return UnknownResource(name);
        }
        if (action is not ("start" or "stop" or "restart"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Unknown action '{action}'; use start, stop or restart.");
        }
        if (!resource.Controllable)
        {
            return Conflict($"{name} cannot be controlled from the resource service.");
        }
        var accepted = action switch
        {
            "start" => resource.TryStart(),
            "stop" => resource.TryStop(),
            _ => resource.TryRestart(),
        };
        return accepted ? TypedResults.Accepted((string?)null) : Conflict($"{name} cannot {action} while {resource.Snapshot().State}.");
    }

    private static ProblemHttpResult UnknownResource(string name) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No resource is named '{name}'.");

    private static ProblemHttpResult Conflict(string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title);

    /// <summary>
    /// Compares hashes in constant time: the key's length leaks nothing, and no early mismatch tells an
    /// attacker how much of a guess was right.
    /// </summary>
    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> RequireApiKey(string apiKey)
    {
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
        return (context, next) =>
        {
            var given = context.HttpContext.Request.Headers[ResourceServiceDefaults.ApiKeyHeader].ToString();
            return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), expected)
                ? next(context)
                : ValueTask.FromResult<object?>(TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                    title: $"The {ResourceServiceDefaults.ApiKeyHeader} header is missing or wrong."));
        };
    }
}
