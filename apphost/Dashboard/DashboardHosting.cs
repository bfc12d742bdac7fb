namespace EcosystemMarket.Dashboard;

public static class DashboardHosting
{
    /// <summary>Aspire's dashboard port, unless the URLs are configured (ASPNETCORE_URLS, --urls, a container's HTTP_PORTS).</summary>
    public const string DefaultUrl = "http://localhost:18888";

    public static WebApplicationBuilder ConfigureDashboardHost(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpPortsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        // The app host runs the build output (`dotnet EcosystemMarket.Dashboard.dll`) in any environment, where the
        // framework's own scripts are found only through the static web assets manifest; a published app has none and
        // serves wwwroot.
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    public static WebApplication UseDashboardPipeline(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }
}
