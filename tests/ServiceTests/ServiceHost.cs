using EcosystemMarket.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.ServiceTests;

/// <summary>
/// One service in process, on a real SQLite file of its own and the real broker (the fixture's virtual
/// host). <typeparamref name="TMarker"/> is any type of the service's assembly: the services all name
/// their entry point Program, so a marker says which one.
/// </summary>
public sealed class ServiceHost<TMarker>(string databaseName, string messaging, Action<IServiceCollection>? configureServices = null,
    IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<TMarker> where TMarker : class
{
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"em-test-{databaseName}-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{databaseName}", $"Data Source={DatabasePath}");
        builder.UseSetting("ConnectionStrings:messaging", messaging);
        builder.UseSetting("Jwt:SigningKey", TestTokens.SigningKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }

    public HttpClient ClientFor(Guid partnerId) => CreateClient().ActingFor(partnerId);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm", DatabasePath + ".migrations.lock" })
        {
            File.Delete(file);
        }
    }
}
