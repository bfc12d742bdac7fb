using EcosystemMarket.Portal.Components;
using EcosystemMarket.Portal.Downloads;
using EcosystemMarket.Portal.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPortalServices();

var app = builder.Build();

app.UseForwardedHeaders();
app.MapDefaultEndpoints();
app.UseAntiforgery();
app.MapStaticAssets().AllowAnonymous();
app.MapPortalSignIn();
app.MapPortalDownloads();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

public partial class Program;
