using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.Matching.Infrastructure;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.TestSupport;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace EcosystemMarket.ServiceTests;

/// <summary>
/// Partners, Matching and Brokering in one process on one broker, each caller's gRPC client wired to its callee's
/// in-process server: the callers' own service identities, not a test's tokens, open the directory Matching
/// bootstraps its index from and the Matchmaker Brokering asks for suggestions.
/// </summary>
public sealed class MatchingOnPartnersFixture : IAsyncLifetime
{
    public static readonly Guid Listed = Guid.NewGuid();

    /// <summary>A registered reseller that posts opportunities.</summary>
    public static readonly Guid Owner = Guid.NewGuid();

    public PartnersFixture Partners { get; } = new();
    public ServiceHost<TrackRecordStore> Matching { get; private set; } = null!;
    public ServiceHost<OpportunityRepository> Brokering { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Partners.InitializeAsync();
        var registered = await Partners.Host.ClientFor(Listed).PostAsJsonAsync("/api/partners", new PartnerProfile
        {
            Name = "Listed Before Matching Started", PartnerFunction = "service", Category = "consulting-deployment", Tier = "advanced",
            Regions = ["FR"], Capabilities = [new CapabilityInput("cloud.migration", "expert")],
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(Owner)).StatusCode);

        Matching = new ServiceHost<TrackRecordStore>("matchingdb", Partners.Broker.ConnectionString, CallingInProcess(() => Partners.Host.Server),
            new Dictionary<string, string> { ["services:partners:grpc:0"] = "http://localhost" });
        await HealthyAsync(Matching.CreateClient(), "Matching did not bootstrap its index from Partners.");
        // Brokering calls two services: each gRPC call goes to the in-process server whose package its path names.
        Brokering = new ServiceHost<OpportunityRepository>("brokeringdb", Partners.Broker.ConnectionString,
            CallingInProcess(() => new RoutingHandler(Partners.Host.Server.CreateHandler(), Matching.Server.CreateHandler())),
            new Dictionary<string, string> { ["services:matching:grpc:0"] = "http://localhost", ["services:partners:grpc:0"] = "http://localhost" });
        await HealthyAsync(Brokering.CreateClient(), "Brokering did not start.");
    }

    /// <summary>A reseller in the directory, as Brokering requires of whoever posts.</summary>
    public Task<HttpResponseMessage> RegisterAsync(Guid partner) =>
        Partners.Host.ClientFor(partner).PostAsJsonAsync("/api/partners", new PartnerProfile
        {
            Name = $"Reseller {partner:N}"[..20], PartnerFunction = "sales", Category = "solution-reseller", Tier = "registered",
            Regions = ["FR"], Capabilities = [new CapabilityInput("networking", "advanced")],
        });

    /// <summary>Every HttpClient of the host (its gRPC client among them) reaches the callee's in-process server.</summary>
    private static Action<IServiceCollection> CallingInProcess(Func<TestServer> callee) => CallingInProcess(() => callee().CreateHandler());

    private static Action<IServiceCollection> CallingInProcess(Func<HttpMessageHandler> handler) => services =>
        services.ConfigureAll<HttpClientFactoryOptions>(options =>
            options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.PrimaryHandler = handler()));

    private sealed class RoutingHandler(HttpMessageHandler partners, HttpMessageHandler matching) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _partners = new(partners);
        private readonly HttpMessageInvoker _matching = new(matching);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            (request.RequestUri!.AbsolutePath.StartsWith("/ecosystemmarket.partners.", StringComparison.Ordinal) ? _partners : _matching)
                .SendAsync(request, cancellationToken);
    }

    private static async Task HealthyAsync(HttpClient client, string otherwise)
    {
        using (client)
        {
            var health = await Eventually.HoldsAsync(() => client.GetAsync("/health"), response => response.IsSuccessStatusCode, TimeSpan.FromSeconds(60));
            Assert.True(health.IsSuccessStatusCode, otherwise);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Brokering is not null)
        {
            await Brokering.DisposeAsync();
        }
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

    [Fact]
    public async Task Brokering_asks_Matching_for_suggestions_with_its_own_service_token_on_a_partners_behalf()
    {
        var cancel = TestContext.Current.CancellationToken;
        var owner = fixture.Brokering.ClientFor(MatchingOnPartnersFixture.Owner);
        var posted = await owner.PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = "Globex Ltd" }, industry = "retail", region = "FR", size = "medium",
            needs = new[] { new { capability = "cloud.migration", mustHave = true } },
            estimatedValue = 50000m, currency = "EUR", closeDate = "2027-03-31",
        }, cancel);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("id").GetGuid();

        var suggestions = await owner.GetAsync($"/api/opportunities/{id}/suggestions", cancel);

        Assert.Equal(HttpStatusCode.OK, suggestions.StatusCode);
        var candidates = (await suggestions.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("candidates").EnumerateArray();
        Assert.Contains(candidates, candidate => candidate.GetProperty("partnerId").GetString() == MatchingOnPartnersFixture.Listed.ToString());
    }

    [Fact]
    public async Task Brokering_asks_Partners_who_takes_part_and_which_capability_codes_exist()
    {
        var cancel = TestContext.Current.CancellationToken;
        var owner = Guid.NewGuid();
        object Posting(string capability) => new
        {
            customer = new { name = "Initech" }, industry = "finance", region = "FR", size = "small",
            needs = new[] { new { capability, mustHave = true } }, estimatedValue = 20000m, currency = "EUR",
        };

        var unregistered = await fixture.Brokering.ClientFor(owner).PostAsJsonAsync("/api/opportunities", Posting("cloud.migration"), cancel);
        Assert.Equal("The partner is not registered.", (await unregistered.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("title").GetString());

        Assert.Equal(HttpStatusCode.Created, (await fixture.RegisterAsync(owner)).StatusCode);
        var misspelt = await fixture.Brokering.ClientFor(owner).PostAsJsonAsync("/api/opportunities", Posting("cloud.migraton"), cancel);
        var errors = (await misspelt.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("'cloud.migration'", errors.GetProperty("needs[0].capability")[0].GetString());

        var posted = await fixture.Brokering.ClientFor(owner).PostAsJsonAsync("/api/opportunities", Posting("cloud.migration"), cancel);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var opportunity = (await posted.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("id").GetGuid();
        var stranger = await fixture.Brokering.ClientFor(owner).PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
            new { partnerId = Guid.NewGuid(), role = "migration", referralFeePercent = 5m }, cancel);
        await stranger.AssertProblemAsync(HttpStatusCode.Conflict);
        var listed = await fixture.Brokering.ClientFor(owner).PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
            new { partnerId = MatchingOnPartnersFixture.Listed, role = "migration", referralFeePercent = 5m }, cancel);
        Assert.Equal(HttpStatusCode.Created, listed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await fixture.Partners.Host.ClientFor(owner).PostAsync($"/api/partners/{owner}/deactivate", null, cancel)).StatusCode);
        var afterwards = await fixture.Brokering.ClientFor(owner).PostAsJsonAsync("/api/opportunities", Posting("cloud.migration"), cancel);
        Assert.Equal("The partner is deactivated.", (await afterwards.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("title").GetString());
    }
}
