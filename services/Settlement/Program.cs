using EcosystemMarket.ServiceDefaults.Audit;
using EcosystemMarket.Settlement.Apis;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseIdempotencyKeys();
app.MapRewardsApi();
app.MapProgramsApi();
app.MapFeesApi();
app.MapRewardFiguresApi();
app.MapAuditLog("/api/rewards");

app.Run();

public partial class Program;
