using Yarp.ReverseProxy.Configuration;

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
        ("partners", ["/api/partners"]),
        ("matching", ["/api/matching"]),
        ("brokering", ["/api/opportunities", "/api/invitations", "/api/deal-registrations"]),
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

    public static IReadOnlyList<ClusterConfig> Clusters(IConfiguration configuration) =>
        Table.Select(entry => Cluster(entry.Service, configuration[$"services:{entry.Service}:http:0"]
                ?? throw new InvalidOperationException($"No address for '{entry.Service}': set services__{entry.Service}__http__0.")))
            .Concat(PortalAddress(configuration) is { } portal ? [Cluster(Portal, portal)] : [])
            .ToList();

    /// <summary>The portal is optional: without <c>services:portal:http:0</c> the gateway serves only the API.</summary>
    private static string? PortalAddress(IConfiguration configuration) =>
        configuration[$"services:{Portal}:http:0"] is { Length: > 0 } address ? address : null;

    private static ClusterConfig Cluster(string id, string address) => new()
    {
        ClusterId = id,
        Destinations = new Dictionary<string, DestinationConfig> { [id] = new() { Address = address } },
    };
}
