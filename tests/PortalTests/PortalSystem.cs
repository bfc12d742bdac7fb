extern alias gateway;

using System.Net;
using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.TestSupport.Processes;
using EcosystemMarket.Matching.Infrastructure;
using EcosystemMarket.Partners.Infrastructure;
using EcosystemMarket.Portal.Gateway;
using EcosystemMarket.Settlement.Infrastructure;
using EcosystemMarket.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.PortalTests;

/// <summary>
/// The four services, the gateway in front of them with the portal behind its catch-all route, and the portal calling
/// back through the gateway: each in process on a port of its own, on SQLite files and a broker virtual host of the
/// fixture's own. Only two seams are stubbed, both gRPC reads of the directory: Matching's bootstrap (events keep its
/// index current) and Settlement's tier lookup.
/// </summary>
public sealed class PortalSystem : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _hosts = [];
    private readonly List<string> _databases = [];

    public RabbitMqVirtualHost Broker { get; } = new();
    public Uri Gateway { get; private set; } = null!;
    public Uri Portal { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Broker.InitializeAsync();
        var partners = Service<PartnerRepository>("partners");
        var matching = Service<TrackRecordStore>("matching", services => services.AddSingleton<IPartnerSource, NoPartnersYet>());
        var brokering = Service<OpportunityRepository>("brokering", services => services.AddSingleton<IPartnerDirectoryChecks, EveryoneTakesPart>());
        var settlement = Service<Ledger>("settlement", services => services.AddSingleton<IPartnerStandings, NoneAttested>());

        var (gatewayPort, portalPort) = (FreePort.Next(), FreePort.Next());
        Portal = new Uri($"http://127.0.0.1:{portalPort}/");
        var gateway = Start(new InProcessHost<gateway::Program>(gatewayPort, new Dictionary<string, string?>
        {
            [$"services:partners:http:0"] = partners.ToString(),
            [$"services:matching:http:0"] = matching.ToString(),
            [$"services:brokering:http:0"] = brokering.ToString(),
            [$"services:settlement:http:0"] = settlement.ToString(),
            [$"services:portal:http:0"] = Portal.ToString(),
        }));
        Gateway = gateway.Address;
        Start(new InProcessHost<GatewayClient>(portalPort, new Dictionary<string, string?> { [GatewayClient.AddressKey] = Gateway.ToString() }));

        using var probe = new HttpClient();
        foreach (var address in new[] { partners, matching, brokering, settlement, Gateway, Portal })
        {
            var health = await Eventually.HoldsAsync(() => probe.GetAsync(new Uri(address, "health")), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(60));
            Assert.True(health.IsSuccessStatusCode, $"{address} did not become healthy.");
        }
    }

    /// <summary>A browser: keeps cookies, follows no redirects (the tests look at them).</summary>
    public HttpClient Browser() => new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = Gateway };

    /// <summary>An API client through the gateway.</summary>
    public HttpClient Api() => new() { BaseAddress = Gateway };

    private Uri Service<TMarker>(string name, Action<IServiceCollection>? configureServices = null) where TMarker : class
    {
        var database = Path.Combine(Path.GetTempPath(), $"em-portal-{name}-{Guid.NewGuid():N}.db");
        _databases.Add(database);
        return Start(new InProcessHost<TMarker>(FreePort.Next(), new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{name}db"] = $"Data Source={database}",
            ["ConnectionStrings:messaging"] = Broker.ConnectionString,
        }, configureServices)).Address;
    }

    private InProcessHost<TMarker> Start<TMarker>(InProcessHost<TMarker> host) where TMarker : class
    {
        _hosts.Add(host);
        return host.Start();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.DisposeAsync();
        }
        await Broker.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in _databases.SelectMany(d => new[] { d, d + "-wal", d + "-shm" }))
        {
            File.Delete(file);
        }
    }

    private sealed class NoPartnersYet : IPartnerSource
    {
        public async IAsyncEnumerable<PartnerSnapshot> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }
    }

    private sealed class NoneAttested : IPartnerStandings
    {
        public Task<PartnerStanding> StandingInAsync(Guid partnerId, string vendorId, CancellationToken cancellationToken) => Task.FromResult(PartnerStanding.Unattested);
    }

    /// <summary>The portal's tests act for partners they never register: to Brokering, each takes part, and every code is known.</summary>
    private sealed class EveryoneTakesPart : IPartnerDirectoryChecks
    {
        public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> UnknownCapabilitiesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>(new Dictionary<string, IReadOnlyList<string>>());

        public Task<EcosystemMarket.Brokering.Model.BlueprintNeeds?> BlueprintAsync(Guid id, CancellationToken cancellationToken) =>
            Task.FromResult<EcosystemMarket.Brokering.Model.BlueprintNeeds?>(null);

        public Task<IReadOnlyDictionary<Guid, EcosystemMarket.Brokering.Model.DirectoryProfile>> ProfilesAsync(IReadOnlyCollection<Guid> partnerIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<Guid, EcosystemMarket.Brokering.Model.DirectoryProfile>>(partnerIds.Distinct()
                .ToDictionary(id => id, id => new EcosystemMarket.Brokering.Model.DirectoryProfile(id, $"Partner {id.ToString()[..8]}", true, [], "isv")));
    }
}
