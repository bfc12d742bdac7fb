using System.Text.Json.Serialization;
using EcosystemMarket.Contracts.Telemetry;
using EcosystemMarket.ServiceDefaults.Audit;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Idempotency;
using EcosystemMarket.ServiceDefaults.OpenApi;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every EcosystemMarket process shares: telemetry, health, service discovery with resilience,
/// problem details, request limits and JWT authentication. Reads only the keys an Aspire AppHost sets.
/// </summary>
public static class Extensions
{
    public const long MaxRequestBodyBytes = 256 * 1024;
    private const string HealthPath = "/health";
    private const string AlivePath = "/alive";
    private const string MetricsPath = "/metrics";

    /// <summary>The Kestrel endpoint that, when configured, alone serves /metrics (the app host's name for it, too).</summary>
    public const string ManagementEndpoint = "management";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddQuietLogging();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.Services.AddOpenApi(options => options.AddEcosystemConventions());
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsEnricher.Enrich);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<UnavailableDependencyExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        builder.AddJwtAuthentication();
        return builder;
    }

    /// <summary>
    /// Log levels that keep a service's log about the service: no line per HTTP request from the server, the
    /// HttpClient factory, YARP or Polly at Information (traces show requests). Inserted as the first configuration
    /// source, so appsettings and environment variables still override each of them.
    /// </summary>
    public static TBuilder AddQuietLogging<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
                ["Logging:LogLevel:Polly"] = "Warning",
                ["Logging:LogLevel:Grpc"] = "Warning",
                ["Logging:LogLevel:Yarp"] = "Warning",
                ["Logging:Console:FormatterOptions:SingleLine"] = "true",
            },
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter([.. EcosystemMetrics.Meters.All])
                // shared/Data's outbox: messages published and parked (OutboxMetrics).
                .AddMeter("EcosystemMarket.Outbox")
                // The dashboard scrapes every few seconds and charts what it reads: a cached scrape would show it stale figures.
                .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource("MassTransit")
                // The services' own spans, such as the outbox dispatcher's (EcosystemMarket.Outbox).
                .AddSource("EcosystemMarket.*")
                .AddAspNetCoreInstrumentation(options =>
                    options.Filter = context => !context.Request.Path.StartsWithSegments(HealthPath)
                                                && !context.Request.Path.StartsWithSegments(AlivePath)
                                                && !context.Request.Path.StartsWithSegments(MetricsPath))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>
    /// The shared middleware and the health endpoints, mapped in every environment because Kubernetes
    /// probes need them; they answer only a status word, never check details, to anonymous callers.
    /// /metrics is anonymous too: it is scraped on the services' internal ports, and the gateway routes only
    /// /api/* and /openapi/*, so no service's figures are public. A service whose HTTP port is public (the
    /// gateway) is given a Kestrel endpoint named "management"; /metrics then answers only on that port.
    /// Authentication and authorization run inside the status-code pages, so a 401 or 403 they produce
    /// also carries problem details. <paramref name="beforeAuthorization"/> runs between the two: the gateway's rate
    /// limiter knows the caller there, and counts requests that authorization is about to refuse.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, Action<IApplicationBuilder>? beforeAuthorization = null)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuditActor();
        beforeAuthorization?.Invoke(app);
        app.UseAuthorization();

        // The API description is public, like the API's documentation; the gateway lists every service's.
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks(HealthPath).AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") }).AllowAnonymous();
        var metrics = app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        if (Uri.TryCreate(app.Configuration[$"Kestrel:Endpoints:{ManagementEndpoint}:Url"], UriKind.Absolute, out var management))
        {
            metrics.RequireHost($"*:{management.Port}");
        }
        return app;
    }
}
