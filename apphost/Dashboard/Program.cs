using EcosystemMarket.Dashboard;
using EcosystemMarket.Dashboard.Resources;
using EcosystemMarket.Dashboard.Security;

var builder = WebApplication.CreateBuilder(args);
builder.ConfigureDashboardHost();
builder.AddDashboardSecurity();
builder.AddDashboardSources();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
app.UseDashboardPipeline();
app.MapDashboardSignIn();
app.MapConsoleDownload();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<EcosystemMarket.Dashboard.Components.App>().AddInteractiveServerRenderMode();
app.Run();
