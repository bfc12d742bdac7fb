using EcosystemMarket.Partners.Apis;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPartnersApi();
app.MapCapabilitiesApi();

app.Run();

public partial class Program;
