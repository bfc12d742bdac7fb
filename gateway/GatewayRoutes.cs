using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;

namespace EcosystemMarket.Gateway;

/// <summary>
/// Which public paths go to which service. Destinations come from the same service keys an Aspire
/// AppHost sets (<c>services:{name}:http:0</c>), so the gateway needs no configuration of its own.
/// </summary>
public static class GatewayRoutes
{
    public const string Portal = "portal";

    /// <summary>
    /// The portal's catch-all comes after every other route (lower orders win), and after the paths the portal must
    /// never receive (<see cref="ReservedPaths"/>).
    /// </summary>
    public const int PortalOrder = 1_000;

    private static readonly (string Service, string[] Prefixes)[] Table =
    [
        ("partners", ["/api/partners", "/api/notifications", "/api/webhooks"]),
        ("matching", ["/api/matching"]),
        ("brokering", ["/api/opportunities", "/api/invitations", "/api/deal-registrations", "/api/alliances"]),
        ("settlement", ["/api/rewards"]),
    ];

    public static IEnumerable<string> Services => Table.Select(entry => entry.Service);

    public static IReadOnlyList<RouteConfig> Routes(IConfiguration configuration) =>
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
        .Concat(PortalAddress(configuration) is null ? [] : [new RouteConfig
        {
            // Everything else is the portal's: its pages, static assets and form posts. It signs people in itself, so the
            // gateway lets these through anonymously; the browser's Host is kept, so the portal's redirects come back here.
            RouteId = Portal,
            ClusterId = Portal,
            Order = PortalOrder,
            AuthorizationPolicy = "anonymous",
            Match = new RouteMatch { Path = "/{**rest}" },
            Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
        }])
        .ToList();

    /// <summary>
    /// One cluster per service, a destination per address: <c>services:{name}:http:0</c>, <c>:1</c>, ... (on Kubernetes one
    /// Service address in front of the replicas; where replicas are addressed one by one, the gateway balances among them).
    /// </summary>
    public static IReadOnlyList<ClusterConfig> Clusters(IConfiguration configuration) =>
        Table.Select(entry => Cluster(entry.Service, Addresses(configuration, entry.Service) is { Count: > 0 } addresses ? addresses
                : throw new InvalidOperationException($"No address for '{entry.Service}': set services__{entry.Service}__http__0.")))
            .Concat(PortalAddress(configuration) is null ? [] : [Cluster(Portal, Addresses(configuration, Portal))])
            .ToList();

    /// <summary>The portal is optional: without <c>services:portal:http:0</c> the gateway serves only the API.</summary>
    private static string? PortalAddress(IConfiguration configuration) =>
        configuration[$"services:{Portal}:http:0"] is { Length: > 0 } address ? address : null;

    private static IReadOnlyList<string> Addresses(IConfiguration configuration, string service) =>
        configuration.GetSection($"services:{service}:http").GetChildren().Select(address => address.Value).OfType<string>()
            .Where(address => address.Length > 0).ToList();

    private static ClusterConfig Cluster(string id, IReadOnlyList<string> addresses) => new()
    {
        ClusterId = id,
        // In turn, not YARP's default (two random choices): every replica gets its share even of a few requests.
        LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
        // The first keeps the service's own name: a cluster of one, as everywhere but a test of replicas, reads as before.
        Destinations = addresses.Select((address, index) => (Name: index == 0 ? id : $"{id}-{index}", Address: address))
            .ToDictionary(d => d.Name, d => new DestinationConfig { Address = d.Address }),
    };
}
