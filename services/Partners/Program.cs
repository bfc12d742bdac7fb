using EcosystemMarket.Partners.Apis;
using EcosystemMarket.Partners.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseIdempotencyKeys();
app.MapPartnersApi();
app.MapCapabilitiesApi();
app.MapPartnerFiguresApi();
// Service to service only: callers read it at start-up without a user, and in production only the cluster reaches it.
app.MapGrpcService<PartnerDirectoryService>().AllowAnonymous();

app.Run();

public partial class Program;
