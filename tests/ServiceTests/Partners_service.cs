using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EcosystemMarket.Partners.Infrastructure;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.TestSupport;
using RabbitMQ.Client;

namespace EcosystemMarket.ServiceTests;

public sealed class PartnersFixture() : ServiceFixture<PartnerRepository>("partnersdb");

public sealed class Partners_service(PartnersFixture fixture) : IClassFixture<PartnersFixture>
{
    private static PartnerProfile Profile(string name = "Stora Systems", params string[] capabilities) =>
        new(name, "solution", "isv", "advanced", ["US", "DE"], capabilities.Length == 0 ? ["storage"] : capabilities);

    [Fact]
    public async Task Registering_publishes_PartnerRegistered_with_a_snapshot_on_the_broker()
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(fixture.Broker.ConnectionString) }.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        const string exchange = "EcosystemMarket.Contracts.V1:PartnerRegistered";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, cancellationToken: TestContext.Current.CancellationToken);
        var queue = (await channel.QueueDeclareAsync(cancellationToken: TestContext.Current.CancellationToken)).QueueName;
        await channel.QueueBindAsync(queue, exchange, "", cancellationToken: TestContext.Current.CancellationToken);

        var partnerId = Guid.NewGuid();
        var response = await fixture.Host.ClientFor(partnerId).PostAsJsonAsync("/api/partners", Profile("Backup Bros", "storage.backup", "storage"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        // Other tests of this fixture register partners too: read until this partner's event shows up.
        var partner = await Eventually.HoldsAsync(async () =>
        {
            var delivered = await channel.BasicGetAsync(queue, autoAck: true);
            return delivered is null ? (JsonElement?)null
                : JsonDocument.Parse(Encoding.UTF8.GetString(delivered.Body.Span)).RootElement.GetProperty("message").GetProperty("partner");
        }, p => p?.GetProperty("partnerId").GetGuid() == partnerId) ?? throw new Xunit.Sdk.XunitException("PartnerRegistered never arrived.");
        Assert.Equal(partnerId, partner.GetProperty("partnerId").GetGuid());
        Assert.Equal(["storage", "storage.backup"], partner.GetProperty("capabilities").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToArray());
        Assert.Equal(1, partner.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task An_organisation_registers_once_and_reads_its_profile_back()
    {
        var partnerId = Guid.NewGuid();
        var client = fixture.Host.ClientFor(partnerId);
        var created = await client.PostAsJsonAsync("/api/partners", Profile(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/partners/{partnerId}", created.Headers.Location?.OriginalString);

        var again = await client.PostAsJsonAsync("/api/partners", Profile(), TestContext.Current.CancellationToken);
        await again.AssertProblemAsync(HttpStatusCode.Conflict);

        var read = await client.GetFromJsonAsync<Partner>($"/api/partners/{partnerId}", TestContext.Current.CancellationToken);
        Assert.Equal("Stora Systems", read!.Name);
        Assert.Equal(["DE", "US"], read.Regions);
    }

    [Fact]
    public async Task Invalid_fields_are_named_in_a_validation_problem_and_nothing_is_stored()
    {
        var partnerId = Guid.NewGuid();
        var client = fixture.Host.ClientFor(partnerId);
        var response = await client.PostAsJsonAsync("/api/partners",
            new PartnerProfile("", "solution", "solution-reseller", "gold", ["usa"], ["Storage!"]), TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["capabilities", "category", "name", "regions", "tier"], problem.ErrorFields().Order().ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/partners/{partnerId}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Malformed_json_is_a_bad_request_problem_not_a_server_error()
    {
        var client = fixture.Host.ClientFor(Guid.NewGuid());
        var response = await client.PostAsync("/api/partners", new StringContent("{\"name\": ", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_request_without_a_valid_token_is_unauthorized()
    {
        var anonymous = fixture.Host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/partners/{Guid.NewGuid()}", TestContext.Current.CancellationToken)).StatusCode);

        var forged = fixture.Host.CreateClient().ActingFor(Guid.NewGuid(), signingKey: EcosystemMarket.ServiceDefaults.Authentication.DevelopmentTokens.NewSigningKey());
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync($"/api/partners/{Guid.NewGuid()}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_partner_cannot_change_another_partners_profile()
    {
        var owner = Guid.NewGuid();
        await fixture.Host.ClientFor(owner).PostAsJsonAsync("/api/partners", Profile(), TestContext.Current.CancellationToken);

        var response = await fixture.Host.ClientFor(Guid.NewGuid()).PutAsJsonAsync($"/api/partners/{owner}", Profile("Hijacked"), TestContext.Current.CancellationToken);
        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        var read = await fixture.Host.ClientFor(owner).GetFromJsonAsync<Partner>($"/api/partners/{owner}", TestContext.Current.CancellationToken);
        Assert.Equal("Stora Systems", read!.Name);
    }

    [Fact]
    public async Task An_update_based_on_a_stale_read_is_refused_with_412()
    {
        var partnerId = Guid.NewGuid();
        var client = fixture.Host.ClientFor(partnerId);
        await client.PostAsJsonAsync("/api/partners", Profile(), TestContext.Current.CancellationToken);
        var etag = (await client.GetAsync($"/api/partners/{partnerId}", TestContext.Current.CancellationToken)).Headers.ETag!.Tag;

        var first = new HttpRequestMessage(HttpMethod.Put, $"/api/partners/{partnerId}") { Content = JsonContent.Create(Profile("Renamed once")) };
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(first, TestContext.Current.CancellationToken)).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/partners/{partnerId}") { Content = JsonContent.Create(Profile("Renamed twice")) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        await (await client.SendAsync(stale, TestContext.Current.CancellationToken)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }
}
