using EcosystemMarket.Matching.Apis;
using EcosystemMarket.Matching.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseIdempotencyKeys();
app.MapMatchingApi();
// gRPC is the services' internal API: the gateway routes none of it, and background work calls it without a user.
app.MapGrpcService<MatchmakerService>().AllowAnonymous();

app.Run();

public partial class Program;
