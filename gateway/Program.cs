using EcosystemMarket.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseCorrelationId();
app.MapDefaultEndpoints();
app.UseRateLimiter();
app.MapReverseProxy().RequireRateLimiting(PartnerRateLimit.PolicyName);
app.MapOpenApiIndex();
app.MapReservedPaths();

app.Run();

public partial class Program;
