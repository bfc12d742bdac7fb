using EcosystemMarket.Partners.Grpc;
using EcosystemMarket.Partners.Infrastructure;
using EcosystemMarket.Partners.Infrastructure.Notifications;
using EcosystemMarket.Partners.Infrastructure.Webhooks;
using EcosystemMarket.Partners.IntegrationEvents.EventHandling;
using EcosystemMarket.Partners.Model.Webhooks;
using EcosystemMarket.Partners.Telemetry;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDatabase("partnersdb", typeof(PartnerRepository).Assembly);
        builder.AddMessaging("partners", bus => bus.AddConsumer<NotificationsConsumer>());
        // No catch-all for unknown gRPC methods: it would take a REST POST with a wrong content type as a call (404, not 415).
        builder.Services.AddGrpc(options => options.IgnoreUnknownServices = true);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PartnerRepository>();
        builder.Services.AddSingleton<CapabilityCatalog>();
        builder.Services.AddSingleton<BlueprintStore>();
        builder.Services.AddHostedService<ClaimsOfOlderProfiles>();
        builder.Services.Configure<PartnerDirectoryOptions>(builder.Configuration.GetSection("Partners:Directory"));
        builder.Services.Configure<PartnersMetricsOptions>(builder.Configuration.GetSection("Partners:Metrics"));
        builder.Services.AddSingleton<PartnerCounts>();
        builder.Services.AddSingleton<PartnersMetrics>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PartnersMetrics>());
        builder.AddNotifications();
        return builder;
    }

    /// <summary>Notifications from other services' events, the invitation reminders, and their delivery to partners' webhooks.</summary>
    private static void AddNotifications(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection("Notifications"));
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection("Webhooks"));
        builder.Services.AddSingleton(services => new WebhookUrlPolicy(
            services.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowLoopback || builder.Environment.IsDevelopment()));
        builder.Services.AddSingleton<NotificationStore>();
        builder.Services.AddSingleton<WebhookStore>();
        builder.Services.AddSingleton<WebhookSignal>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddHostedService<WebhookDispatcher>();
        builder.Services.AddHostedService<InvitationReminders>();
    }
}
