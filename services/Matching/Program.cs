using EcosystemMarket.Matching.Apis;
using EcosystemMarket.Matching.Grpc;
using EcosystemMarket.ServiceDefaults.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseIdempotencyKeys();
app.MapMatchingApi();
// gRPC is the services' internal API: the gateway routes none of it, and only another service's token opens it.
app.MapGrpcService<MatchmakerService>().RequireAuthorization(ServiceIdentity.Policy);

app.Run();

public partial class Program;
