using System.Net;
using EcosystemMarket.Matching.Grpc;
using EcosystemMarket.Matching.Model;
using EcosystemMarket.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcosystemMarket.MatchingBenchmark;

/// <summary>
/// The real Matchmaker gRPC service on Kestrel, on a loopback HTTP/2-only (h2c) port, over the harness's
/// index and track record, behind the same JWT bearer authentication the service uses (development tokens
/// signed with a key made for this run).
/// </summary>
public sealed class MatchmakerHost(WebApplication app, string signingKey) : IAsyncDisposable
{
    public string SigningKey => signingKey;

    public Uri Address { get; } = new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public static async Task<MatchmakerHost> StartAsync(PartnerIndex index, TrackRecord record, TimeProvider clock)
    {
        var signingKey = DevelopmentTokens.NewSigningKey();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["Jwt:SigningKey"] = signingKey;
        builder.Configuration["Jwt:ServiceName"] = "matching";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));

        builder.AddJwtAuthentication();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(index);
        builder.Services.AddSingleton(record);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<PartnerMatcher>();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<EcosystemMarket.Matching.Telemetry.MatchingMetrics>();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcService<MatchmakerService>().RequireAuthorization(ServiceIdentity.Policy);
        await app.StartAsync();
        return new MatchmakerHost(app, signingKey);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
