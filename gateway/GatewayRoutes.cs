using Yarp.ReverseProxy.Configuration;

namespace EcosystemMarket.Gateway;

/// <summary>
/// Which public paths go to which service. Destinations come from the same service keys an Aspire
/// AppHost sets (<c>services:{name}:http:0</c>), so the gateway needs no configuration of its own.
/// </summary>
public static class GatewayRoutes
{
    private static readonly (string Service, string[] Prefixes)[] Table =
    [
        ("partners", ["/api/partners"]),
        ("matching", ["/api/matching"]),
        ("brokering", ["/api/opportunities", "/api/invitations", "/api/deal-registrations"]),
        ("settlement", ["/api/rewards"]),
    ];

    public static IEnumerable<string> Services => Table.Select(entry => entry.Service);

    public static IReadOnlyList<RouteConfig> Routes() =>
        Table.SelectMany(entry => entry.Prefixes.Select(prefix => new RouteConfig
        {
            RouteId = $"{entry.Service}{prefix.Replace('/', '-')}",
            ClusterId = entry.Service,
            AuthorizationPolicy = "default",
            Match = new RouteMatch { Path = $"{prefix}/{{**rest}}" },
        }))
        .Concat(Table.Select(entry => new RouteConfig
        {
            // /openapi/partners.json is Partners' own /openapi/v1.json: one place for every service's API description.
            RouteId = $"{entry.Service}-openapi",
            ClusterId = entry.Service,
            AuthorizationPolicy = "anonymous",
            Match = new RouteMatch { Path = $"/openapi/{entry.Service}.json" },
            Transforms = [new Dictionary<string, string> { ["PathSet"] = "/openapi/v1.json" }],
        }))
        .ToList();

    public static IReadOnlyList<ClusterConfig> Clusters(IConfiguration configuration) =>
        Table.Select(entry => new ClusterConfig
        {
            ClusterId = entry.Service,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [entry.Service] = new()
                {
                    Address = configuration[$"services:{entry.Service}:http:0"]
                        ?? throw new InvalidOperationException($"No address for '{entry.Service}': set services__{entry.Service}__http__0."),
                },
            },
        }).ToList();
}
