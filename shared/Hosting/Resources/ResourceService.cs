using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcosystemMarket.Hosting.Resources;

/// <summary>
/// The app host's resource service: Kestrel on a free loopback port, one random API key per run. It does not
/// own the process's lifetime: the app host stops it after the resources, so Ctrl+C is left to the app host.
/// </summary>
public sealed class ResourceService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ResourceService(WebApplication app, string apiKey)
    {
        _app = app;
        ApiKey = apiKey;
        Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public Uri Url { get; }
    public string ApiKey { get; }

    public static async Task<ResourceService> StartAsync(ResourceTracker tracker)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IHostLifetime, AppHostOwnsLifetime>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var app = builder.Build();
        var apiKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        app.MapResourceServiceApi(tracker, apiKey);
        await app.StartAsync();
        return new ResourceService(app, apiKey);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Replaces the console lifetime, which would stop the resource service on Ctrl+C before the resources.</summary>
    private sealed class AppHostOwnsLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
