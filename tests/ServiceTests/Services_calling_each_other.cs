using System.Net;
using System.Net.Http.Json;
using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.Matching.Infrastructure;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace EcosystemMarket.ServiceTests;

/// <summary>
/// Partners and Matching in one process on one broker, Matching's gRPC client wired to Partners' in-process server:
/// Matching's own service identity, not a test's token, opens the directory it bootstraps its index from.
/// </summary>
public sealed class MatchingOnPartnersFixture : IAsyncLifetime
{
    public static readonly Guid Listed = Guid.NewGuid();

    public PartnersFixture Partners { get; } = new();
    public ServiceHost<TrackRecordStore> Matching { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Partners.InitializeAsync();
        var registered = await Partners.Host.ClientFor(Listed).PostAsJsonAsync("/api/partners", new PartnerProfile
        {
            Name = "Listed Before Matching Started", PartnerFunction = "service", Category = "consulting-deployment", Tier = "advanced",
            Regions = ["FR"], Capabilities = [new CapabilityInput("cloud.migration", "expert")],
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        Matching = new ServiceHost<TrackRecordStore>("matchingdb", Partners.Broker.ConnectionString,
            services => services.ConfigureAll<HttpClientFactoryOptions>(options =>
                options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.PrimaryHandler = Partners.Host.Server.CreateHandler())),
            new Dictionary<string, string> { ["services:partners:grpc:0"] = "http://localhost" });
        using var client = Matching.CreateClient();
        var health = await Eventually.HoldsAsync(() => client.GetAsync("/health"), response => response.IsSuccessStatusCode, TimeSpan.FromSeconds(60));
        Assert.True(health.IsSuccessStatusCode, "Matching did not bootstrap its index from Partners.");
    }

    public async ValueTask DisposeAsync()
    {
        if (Matching is not null)
        {
            await Matching.DisposeAsync();
        }
        await Partners.DisposeAsync();
    }
}

public sealed class Services_calling_each_other(MatchingOnPartnersFixture fixture) : IClassFixture<MatchingOnPartnersFixture>
{
    [Fact]
    public async Task Matching_streams_the_directory_from_Partners_with_its_own_service_token()
    {
        var matchmaker = new Matchmaker.MatchmakerClient(GrpcChannels.To(fixture.Matching.Server, TestTokens.Service("brokering", "matching")));

        var reply = await matchmaker.FindPartnersAsync(new FindPartnersRequest
        {
            OwnerPartnerId = Guid.NewGuid().ToString(),
            Needs = { new Need { Capability = "cloud.migration", MustHave = true } },
        }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(reply.Candidates, candidate => candidate.PartnerId == MatchingOnPartnersFixture.Listed.ToString());
    }
}
