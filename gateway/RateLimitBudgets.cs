using Yarp.ReverseProxy.Model;
using System.Globalization;
using System.Threading.RateLimiting;
using EcosystemMarket.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace EcosystemMarket.Gateway;

/// <summary>One budget: so many requests per window for each caller it covers.</summary>
public sealed record RateLimitBudget(string Name, int PermitsPerWindow, TimeSpan Window)
{
    /// <summary>"partner budget: 100 requests per 10 s", as the 429 problem names it.</summary>
    public string Describe() => $"{Name} budget: {PermitsPerWindow} requests per {Format(Window)}";

    private static string Format(TimeSpan window) =>
        window.TotalSeconds % 60 == 0 && window >= TimeSpan.FromMinutes(1)
            ? $"{window.TotalMinutes.ToString(CultureInfo.InvariantCulture)} min"
            : $"{window.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
}

/// <summary>
/// Each partner organisation, each vendor program and each administrator has a budget of its own, so one noisy
/// integration cannot starve the others; requests without a valid token share a budget per client address (counted
/// before they are refused, so a flood of them is throttled too); the portal's pages and assets have a larger budget per
/// client address. Each budget is configured under
/// <c>Gateway:RateLimits:{Partner|Vendor|Admin|Anonymous}</c> (<c>PermitsPerWindow</c>, <c>Window</c>).
/// </summary>
public static class RateLimitBudgets
{
    public const string PolicyName = "budgets";

    public static IServiceCollection AddRateLimitBudgets(this IServiceCollection services, IConfiguration configuration)
    {
        var partner = Budget(configuration, "partner", 600, TimeSpan.FromMinutes(1));
        var vendor = Budget(configuration, "vendor", 600, TimeSpan.FromMinutes(1));
        var admin = Budget(configuration, "admin", 1200, TimeSpan.FromMinutes(1));
        var anonymous = Budget(configuration, "anonymous", 120, TimeSpan.FromMinutes(1));
        // The portal's pages, scripts, styles and circuit, per browser address: a page is a handful of requests, and the
        // API calls it makes for a person carry that person's token and count in their budget.
        var portal = Budget(configuration, "portal", 3000, TimeSpan.FromMinutes(1));

        (RateLimitBudget Budget, string Caller) Of(HttpContext context)
        {
            var user = context.User;
            if (context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.RouteId == GatewayRoutes.Portal)
            {
                return (portal, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            }
            return user.Identity?.IsAuthenticated != true ? (anonymous, context.Connection.RemoteIpAddress?.ToString() ?? "unknown")
                : user.IsAdmin() ? (admin, user.Identity.Name ?? "admin")
                : user.VendorId() is { } vendorId ? (vendor, vendorId)
                : user.PartnerId() is { } partnerId ? (partner, partnerId.ToString())
                // A valid token of a role with no budget of its own: counted by address with the anonymous.
                : (anonymous, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        }

        return services.AddRateLimiter(options =>
        {
            options.AddPolicy(PolicyName, context =>
            {
                var (budget, caller) = Of(context);
                return RateLimitPartition.GetFixedWindowLimiter($"{budget.Name}:{caller}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = budget.PermitsPerWindow, Window = budget.Window, QueueLimit = 0 });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var (budget, _) = Of(http);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : budget.Window;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Detail = budget.Describe(),
                        Extensions = { ["budget"] = budget.Name },
                    },
                });
            };
        });
    }

    private static RateLimitBudget Budget(IConfiguration configuration, string name, int permits, TimeSpan window)
    {
        var section = configuration.GetSection($"Gateway:RateLimits:{name}");
        return new RateLimitBudget(name, section.GetValue("PermitsPerWindow", permits), section.GetValue("Window", window));
    }
}
