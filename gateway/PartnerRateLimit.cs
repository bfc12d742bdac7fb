using System.Globalization;
using System.Threading.RateLimiting;
using EcosystemMarket.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace EcosystemMarket.Gateway;

/// <summary>
/// Each partner organisation gets its own budget of requests per window, so one noisy integration
/// cannot starve the others; callers without a partner share a budget per client address.
/// </summary>
public static class PartnerRateLimit
{
    public const string PolicyName = "per-partner";

    public static IServiceCollection AddPartnerRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Gateway:RateLimit:PermitsPerWindow", 600);
        var window = configuration.GetValue("Gateway:RateLimit:Window", TimeSpan.FromMinutes(1));
        return services.AddRateLimiter(options =>
        {
            options.AddPolicy(PolicyName, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.PartnerId()?.ToString() ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = $"The limit is {permits} requests per {window} for each partner." },
                });
            };
        });
    }
}
