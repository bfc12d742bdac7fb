using EcosystemMarket.Partners.Apis;
using EcosystemMarket.Partners.Grpc;
using EcosystemMarket.ServiceDefaults.Audit;
using EcosystemMarket.ServiceDefaults.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseIdempotencyKeys();
app.MapPartnersApi();
app.MapClaimsApi();
app.MapCapabilitiesApi();
app.MapBlueprintsApi();
app.MapPartnerFiguresApi();
app.MapNotificationsApi();
app.MapWebhooksApi();
app.MapAuditLog("/api/partners");
// Service to service only: callers read it without a user, with a token of their own whose audience is Partners.
app.MapGrpcService<PartnerDirectoryService>().RequireAuthorization(ServiceIdentity.Policy);

app.Run();

public partial class Program;
