using EcosystemMarket.Matching.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcosystemMarket.Matching.Infrastructure;

/// <summary>Readiness: a replica takes traffic only once its index holds the whole directory.</summary>
public sealed class IndexReadyHealthCheck(PartnerIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.IsReady
            ? HealthCheckResult.Healthy($"{index.Count} partners indexed")
            : HealthCheckResult.Unhealthy("The partner index is still bootstrapping"));
}
