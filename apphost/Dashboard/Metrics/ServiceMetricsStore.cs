using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace EcosystemMarket.Dashboard.Metrics;

public sealed class ServiceMetricsStore(IOptions<DashboardOptions> options)
{
    private readonly ConcurrentDictionary<string, ServiceMetrics> _services = new(StringComparer.Ordinal);

    public ServiceMetrics For(string service) => _services.GetOrAdd(service, name => new ServiceMetrics(name, options.Value.Retention));

    public IReadOnlyList<ServiceMetrics> All => _services.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
}
