using EcosystemMarket.AppHost.Seeding;

// WithoutHttpsCertificate is marked for evaluation in Aspire 13.6; without it the dashboard warns about a development
// certificate that nothing here uses.
#pragma warning disable ASPIRECERTIFICATES001

namespace EcosystemMarket.AppHost;

public static class ServiceResources
{
    /// <summary>
    /// A service as a project resource: its own database, the broker, the development signing key, an <c>http</c>
    /// endpoint (REST, HTTP/1.1 and 2) and, for a gRPC server, a <c>grpc</c> endpoint (HTTP/2 only: without TLS
    /// a client can speak HTTP/2 only to a port that expects nothing else). Ready when its /health answers.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name,
        EcosystemData data, Messaging messaging, bool grpc = false) where TProject : IProjectMetadata, new()
    {
        var service = builder.AddEcosystemProject<TProject>(name, data)
            .WithEnvironment($"ConnectionStrings__{name}db", data.ConnectionString($"{name}db"))
            .WithMessaging(messaging);
        return grpc ? service.WithKestrelEndpoint("grpc", http2Only: true) : service;
    }

    /// <summary>
    /// The public entrance: routes /api to the services it references, on a fixed port (5080, or
    /// <c>EcosystemMarket:GatewayPort</c>; 0 lets Aspire pick), its /metrics on a management port of its own.
    /// It carries the command that seeds the demo ecosystem, and seeds it at start with <c>--seed-demo</c>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddGateway(this IDistributedApplicationBuilder builder, EcosystemData data,
        params IResourceBuilder<ProjectResource>[] services)
    {
        var port = builder.Configuration.GetValue(AppHostOptions.Keys.GatewayPort, 5080);
        var gateway = builder.AddEcosystemProject<Projects.Gateway>("gateway", data, port == 0 ? null : port)
            // The endpoint where alone the gateway, whose HTTP port is public, serves /metrics.
            .WithKestrelEndpoint(Microsoft.Extensions.Hosting.Extensions.ManagementEndpoint);
        foreach (var service in services)
        {
            gateway.WithReference(service).WaitFor(service);
        }
        return gateway.WithBanner(data).WithDemoSeeding(data);
    }

    /// <summary>
    /// The web application partners and vendors sign in to (for now the vendor's ecosystem view). People reach it
    /// through the gateway, which sends it every path that is not the API; it calls the API back through the gateway.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddPortal(this IDistributedApplicationBuilder builder, EcosystemData data,
        IResourceBuilder<ProjectResource> gateway)
    {
        var portal = builder.AddEcosystemProject<Projects.Portal>("portal", data).WithReference(gateway)
            // The app host's development signing key mints the tokens of the portal's development sign-in (pick a
            // partner, a vendor or an administrator); an OIDC authority replaces both outside development.
            .WithEnvironment("Portal__DevelopmentSignIn", "true");
        gateway.WithReference(portal);
        return portal;
    }

    private static IResourceBuilder<ProjectResource> AddEcosystemProject<TProject>(this IDistributedApplicationBuilder builder, string name,
        EcosystemData data, int? httpPort = null) where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name, options =>
            {
                options.ExcludeLaunchProfile = true;
                options.ExcludeKestrelEndpoints = true;
            })
            .WithKestrelEndpoint("http", port: httpPort)
            // Plain HTTP inside the system (TLS ends in front of the gateway): no development certificate to trust.
            .WithoutHttpsCertificate()
            .WithHttpHealthCheck("/health", endpointName: "http")
            // The environment the app host runs in, not a fixed Development: a staging app host runs staging services.
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("Jwt__SigningKey", data.SigningKeyParameter)
            .WithTraceSampling(builder.Configuration[AppHostOptions.Keys.TraceSampling]);

    /// <summary>
    /// Every trace by default, as Aspire asks (<c>OTEL_TRACES_SAMPLER=always_on</c>); with a ratio, that share of new
    /// traces, and whatever a caller sampled (parent-based), so a journey's spans stay whole. Set after Aspire's own
    /// variables, so it wins.
    /// </summary>
    private static IResourceBuilder<ProjectResource> WithTraceSampling(this IResourceBuilder<ProjectResource> project, string? ratio) =>
        ratio is null ? project
            : project.WithEnvironment("OTEL_TRACES_SAMPLER", "parentbased_traceidratio").WithEnvironment("OTEL_TRACES_SAMPLER_ARG", ratio);

    /// <summary>
    /// A Kestrel endpoint of the service, on a loopback port Aspire allocates and hands to the service as
    /// <c>Kestrel__Endpoints__{name}__Url</c>; others reach it as <c>services__{service}__{name}__0</c>. Not proxied:
    /// the service sees the port it is called on (the gateway's /metrics answers only on its management port).
    /// </summary>
    private static IResourceBuilder<ProjectResource> WithKestrelEndpoint(this IResourceBuilder<ProjectResource> service, string name,
        int? port = null, bool http2Only = false)
    {
        service.WithHttpEndpoint(port: port, name: name, env: $"{name.ToUpperInvariant()}_ENDPOINT_PORT", isProxied: false);
        var endpoint = service.GetEndpoint(name);
        service.WithEnvironment($"Kestrel__Endpoints__{name}__Url", $"http://localhost:{endpoint.Property(EndpointProperty.TargetPort)}");
        if (http2Only)
        {
            service.WithEndpoint(name, e => e.Transport = "http2")
                .WithEnvironment($"Kestrel__Endpoints__{name}__Protocols", "Http2");
        }
        return service;
    }

    /// <summary>Once the gateway is ready, the app host's console says where the system answers and how to get a token.</summary>
    private static IResourceBuilder<ProjectResource> WithBanner(this IResourceBuilder<ProjectResource> gateway, EcosystemData data)
    {
        gateway.ApplicationBuilder.Eventing.Subscribe<ResourceReadyEvent>(gateway.Resource, (ready, _) =>
        {
            var url = gateway.GetEndpoint("http").Url;
            var dataOption = data.Directory == RepositoryLayout.DefaultDataDirectory ? "" : $" --data {data.Directory}";
            ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger("EcosystemMarket").LogInformation("""
                EcosystemMarket is running.
                  API:     {Gateway}/api/… (reference: {Gateway}/api-reference; every service's OpenAPI document: {Gateway}/openapi)
                  Portal:  {Gateway}/ (sign in as any partner, vendor or administrator of the demo)
                  Data:    {Data}
                Development tokens (any GUID names a partner's organisation):
                  dotnet run --project apphost --no-launch-profile --no-build -- token --role partner --partner <GUID>{DataOption}
                  dotnet run --project apphost --no-launch-profile --no-build -- token --role vendor --vendor northwind-networks{DataOption}
                """, url, url, url, url, data.Directory, dataOption, dataOption);
            return Task.CompletedTask;
        });
        return gateway;
    }

    private static IResourceBuilder<ProjectResource> WithDemoSeeding(this IResourceBuilder<ProjectResource> gateway, EcosystemData data)
    {
        var builder = gateway.ApplicationBuilder;
        gateway.WithCommand("seed-demo", "Seed demo ecosystem", async context =>
            {
                var log = context.Services.GetRequiredService<ResourceLoggerService>().GetLogger(gateway.Resource);
                await DemoMode.SeedAsync(new Uri(gateway.GetEndpoint("http").Url), data.SigningKey, new LoggerWriter(log), context.CancellationToken);
                return CommandResults.Success();
            },
            new CommandOptions
            {
                Description = "Registers the demo vendors, partners and opportunities through the gateway; seeding again adds nothing.",
                IconName = "DatabaseArrowUp",
                UpdateState = context => context.ResourceSnapshot.HealthStatus == HealthStatus.Healthy ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
            });
        if (builder.Configuration.GetValue<bool>(AppHostOptions.Keys.SeedDemo))
        {
            builder.Eventing.Subscribe<ResourceReadyEvent>(gateway.Resource, (ready, cancellationToken) =>
            {
                var stopping = ready.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
                var log = ready.Services.GetRequiredService<ResourceLoggerService>().GetLogger(gateway.Resource);
                _ = Task.Run(() => DemoMode.RunAsync(new Uri(gateway.GetEndpoint("http").Url), data.SigningKey, new LoggerWriter(log), stopping), stopping);
                return Task.CompletedTask;
            });
        }
        return gateway;
    }
}
