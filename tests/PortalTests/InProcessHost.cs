using EcosystemMarket.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.PortalTests;

/// <summary>
/// One process of the system in the test's process. Started with <see cref="Start"/> it listens on a real port, so
/// that the gateway and the portal call it over HTTP as they would in production; otherwise it answers its own test
/// clients only. <typeparamref name="TMarker"/> is any type of its assembly (all name their entry point Program).
/// </summary>
public sealed class InProcessHost<TMarker>(int port, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<TMarker> where TMarker : class
{
    public Uri Address { get; } = new($"http://127.0.0.1:{port}/");

    public InProcessHost<TMarker> Start()
    {
        UseKestrel(port);
        StartServer();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Jwt:SigningKey", TestTokens.SigningKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }
}
