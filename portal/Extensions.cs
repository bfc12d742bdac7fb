using EcosystemMarket.Portal.Ecosystem;
using EcosystemMarket.Portal.Gateway;
using EcosystemMarket.Portal.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.FluentUI.AspNetCore.Components;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static WebApplicationBuilder AddPortalServices(this WebApplicationBuilder builder)
    {
        // The app host runs the build output in any environment; the framework's static assets are found only
        // through the static web assets manifest there (a published app serves wwwroot).
        builder.WebHost.UseStaticWebAssets();
        // Behind the gateway, which keeps the browser's Host and says in X-Forwarded-Proto whether it was HTTPS.
        builder.Services.Configure<ForwardedHeadersOptions>(options => options.ForwardedHeaders = ForwardedHeaders.XForwardedProto);
        builder.AddSharedKeyRing();
        builder.AddPortalSignIn();
        builder.AddGatewayClient();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<EcosystemReader>();
        builder.Services.AddScoped<EcosystemMarket.Portal.Notifications.UnreadNotifications>();
        builder.Services.AddScoped<EcosystemMarket.Portal.Taxonomy.CapabilityTaxonomy>();
        builder.Services.AddFluentUIComponents();
        // Pages render on the server first (fast, and readable without script), then become interactive over the
        // circuit where a person works in them.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        return builder;
    }

    /// <summary>
    /// Sign-in cookies, antiforgery tokens and the interactive pages' component state are protected with the data
    /// protection key ring. Each process keeps its own unless <c>Portal:DataProtection:KeyRing</c> names a folder the
    /// replicas share (on Kubernetes a Secret mounted read-only, its key made to last): then whichever replica the
    /// gateway sends a request to reads what another wrote.
    /// </summary>
    private static void AddSharedKeyRing(this WebApplicationBuilder builder)
    {
        if (builder.Configuration["Portal:DataProtection:KeyRing"] is { Length: > 0 } keyRing)
        {
            builder.Services.AddDataProtection()
                .SetApplicationName("EcosystemMarket.Portal")
                .PersistKeysToFileSystem(new DirectoryInfo(keyRing));
        }
    }
}
