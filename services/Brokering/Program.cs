using EcosystemMarket.Brokering.Apis;
using EcosystemMarket.ServiceDefaults.Audit;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseIdempotencyKeys();
app.MapOpportunitiesApi();
app.MapOpportunityLifecycleApi();
app.MapInvitationsApi();
app.MapDealRegistrationsApi();
app.MapDealRegistrationDecisionsApi();
app.MapOpportunityFiguresApi();
app.MapProgramManagementApi();
app.MapOneOnOneApi();
app.MapAlliancesApi();
app.MapAuditLog("/api/opportunities");

app.Run();

public partial class Program;
