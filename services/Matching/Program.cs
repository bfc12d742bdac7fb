using EcosystemMarket.Matching.Apis;
using EcosystemMarket.Matching.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapMatchingApi();
app.MapGrpcService<MatchmakerService>();

app.Run();

public partial class Program;
