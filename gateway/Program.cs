using EcosystemMarket.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseCorrelationId();
app.UseSecurityHeaders();
app.UseCors(PortalCors.PolicyName);
app.UseRequestSizeLimit();
app.MapDefaultEndpoints(beforeAuthorization: gateway => gateway.UseRateLimiter());
app.MapReverseProxy().RequireRateLimiting(RateLimitBudgets.PolicyName);
app.MapOpenApiIndex();
app.MapApiReference();
app.MapReservedPaths();

app.Run();

public partial class Program;
