using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Brokering.Telemetry;
using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.ServiceDefaults.Authentication;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDatabase("brokeringdb", typeof(OpportunityRepository).Assembly);
        builder.AddMessaging("brokering");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OpportunityRepository>();
        builder.Services.AddSingleton<DealRegistrationRepository>();
        builder.Services.AddSingleton<AllianceRepository>();
        builder.Services.AddSingleton<VendorDecisionStore>();
        builder.Services.AddSingleton<SuggestionStore>();
        builder.Services.AddSingleton<ProgramManagementStore>();
        builder.Services.AddSingleton<RelationshipOwnerStore>();
        builder.Services.AddSingleton<ProgramActivityQuery>();
        builder.Services.AddSingleton<BrokeringMetrics>();
        builder.Services.Configure<EcosystemMarket.Brokering.Apis.DealRegistrationOptions>(builder.Configuration.GetSection("Brokering:DealRegistration"));
        builder.Services.Configure<InvitationOptions>(builder.Configuration.GetSection("Brokering:Invitations"));
        builder.Services.AddHostedService<InvitationExpiry>();

        // "_grpc.matching" resolves the service key services:matching:grpc:0, Matching's HTTP/2 endpoint.
        builder.Services.AddGrpcClient<Matchmaker.MatchmakerClient>(client => client.Address = new Uri("http://_grpc.matching"))
            .AddServiceIdentity("matching");
        // "_grpc.partners" resolves services:partners:grpc:0: who may take part, and which capability codes exist.
        builder.Services.AddGrpcClient<EcosystemMarket.Contracts.Partners.PartnerDirectory.PartnerDirectoryClient>(
            client => client.Address = new Uri("http://_grpc.partners"))
            .AddServiceIdentity("partners");
        builder.Services.AddTransient<IPartnerDirectoryChecks, PartnerDirectoryChecks>();
        return builder;
    }
}
