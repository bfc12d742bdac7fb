namespace EcosystemMarket.Portal.Downloads;

/// <summary>Files a person downloads (CSV statements): plain GET endpoints behind the cookie, fetched through the gateway.</summary>
public static class PortalDownloads
{
    public static void MapPortalDownloads(this IEndpointRouteBuilder app)
    {
        // Each area adds its downloads here.
        _ = app;
    }
}
