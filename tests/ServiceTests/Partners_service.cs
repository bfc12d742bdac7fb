using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EcosystemMarket.Contracts.Partners;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Data;
using EcosystemMarket.Data.Migrations;
using EcosystemMarket.Partners.Apis;
using EcosystemMarket.Partners.Grpc;
using EcosystemMarket.Partners.Infrastructure;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.TestSupport;
using Grpc.Core;
using Dapper;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.ServiceTests;

public sealed class PartnersFixture() : ServiceFixture<PartnerRepository>("partnersdb")
{
    public const int StreamPageSize = 3;

    public AdjustableClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        // Small pages, so that streaming the directory crosses page boundaries with a handful of partners.
        services.Configure<PartnerDirectoryOptions>(options => options.StreamPageSize = StreamPageSize);
    }

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Partners:Metrics:RefreshInterval"] = "00:00:00.100",
    };

    /// <summary>The directory as Matching reads it, with a service token addressed to Partners.</summary>
    public PartnerDirectory.PartnerDirectoryClient Directory() => Directory(TestTokens.Service("matching", "partners"));

    /// <param name="token">Null calls anonymously.</param>
    public PartnerDirectory.PartnerDirectoryClient Directory(string? token) => new(GrpcChannels.To(Host.Server, token));

    public HttpClient Admin() => Host.CreateClient().AsAdmin();
}

public sealed class Partners_service(PartnersFixture fixture) : IClassFixture<PartnersFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static PartnerProfile Profile(string name = "Stora Systems", params string[] capabilities) => new()
    {
        Name = name,
        PartnerFunction = "solution",
        Category = "isv",
        Tier = "advanced",
        Regions = ["US", "DE"],
        Capabilities = (capabilities.Length == 0 ? ["storage"] : capabilities).Select(c => (CapabilityInput?)new CapabilityInput(c, "expert")).ToList(),
    };

    private static CertificationInput Certification(string vendor, string name, DateOnly? expiresOn, params string[] capabilities) =>
        new(vendor, name, "professional", Today.AddYears(-1), expiresOn, capabilities);

    private async Task<Guid> RegisterAsync(PartnerProfile profile, Guid? id = null)
    {
        var partnerId = id ?? Guid.NewGuid();
        var response = await fixture.Host.ClientFor(partnerId).PostAsJsonAsync("/api/partners", profile, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return partnerId;
    }

    /// <summary>The snapshot in the first such event about the partner.</summary>
    private async Task<JsonElement> ReceiveEventAsync(string eventName, Guid partnerId, Func<Task> act) =>
        (await fixture.ReceiveEventAsync(eventName, m => m.GetProperty("partner").GetProperty("partnerId").GetGuid() == partnerId, act)).GetProperty("partner");

    private async Task<IReadOnlyList<string>> SearchNamesAsync(string query, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await fixture.Host.ClientFor(Guid.NewGuid()).GetAsync($"/api/partners?{query}", Cancel);
        Assert.True(response.StatusCode == expected, await response.Content.ReadAsStringAsync(Cancel));
        var page = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        return page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
    }

    [Fact]
    public async Task Registering_publishes_PartnerRegistered_with_the_full_snapshot()
    {
        var partnerId = Guid.NewGuid();
        var profile = Profile("Backup Bros", "storage.backup", "storage") with
        {
            ManagementMode = "formal-program",
            Verticals = ["retail", "healthcare"],
            Certifications = [Certification("veeam", "Veeam Certified Engineer", Today.AddYears(1), "storage.backup")],
            Specializations = ["storage"],
            Solutions = [new SolutionInput("Backup as a service", "veeam", ["storage.backup"])],
            ProgramMemberships = ["veeam"],
        };

        var partner = await ReceiveEventAsync(nameof(PartnerRegistered), partnerId, () => RegisterAsync(profile, partnerId));

        Assert.Equal(["storage", "storage.backup"], partner.GetProperty("capabilities").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToArray());
        Assert.Equal("expert", partner.GetProperty("capabilities")[0].GetProperty("proficiency").GetString());
        Assert.Equal("formal-program", partner.GetProperty("managementMode").GetString());
        Assert.Equal(["healthcare", "retail"], partner.GetProperty("verticals").EnumerateArray().Select(v => v.GetString()).ToArray());
        var certification = Assert.Single(partner.GetProperty("certifications").EnumerateArray());
        Assert.Equal(Today.AddYears(1).ToString("yyyy-MM-dd"), certification.GetProperty("expiresOn").GetString());
        Assert.Equal("Backup as a service", Assert.Single(partner.GetProperty("solutions").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(["veeam"], partner.GetProperty("programMemberships").EnumerateArray().Select(v => v.GetString()).ToArray());
        Assert.True(partner.GetProperty("active").GetBoolean());
        Assert.Equal(1, partner.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task An_organisation_registers_once_and_reads_its_profile_back()
    {
        var partnerId = Guid.NewGuid();
        var client = fixture.Host.ClientFor(partnerId);
        var created = await client.PostAsJsonAsync("/api/partners", Profile(), Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/partners/{partnerId}", created.Headers.Location?.OriginalString);

        var again = await client.PostAsJsonAsync("/api/partners", Profile(), Cancel);
        await again.AssertProblemAsync(HttpStatusCode.Conflict);

        var read = await client.GetFromJsonAsync<PartnerView>($"/api/partners/{partnerId}", Cancel);
        Assert.Equal("Stora Systems", read!.Name);
        Assert.Equal(["DE", "US"], read.Regions);
        Assert.Equal("expert", Assert.Single(read.Capabilities).Proficiency);
    }

    [Fact]
    public async Task Invalid_fields_are_named_by_their_path_in_a_validation_problem_and_nothing_is_stored()
    {
        var partnerId = Guid.NewGuid();
        var client = fixture.Host.ClientFor(partnerId);
        var response = await client.PostAsJsonAsync("/api/partners", new PartnerProfile
        {
            Name = "", PartnerFunction = "solution", Category = "solution-reseller", Tier = "gold", Regions = ["usa"],
            Capabilities = [new("Storage!", "expert")],
            Certifications = [new("netapp", "NCDA", "professional", new DateOnly(2025, 5, 1), new DateOnly(2025, 4, 30), [])],
        }, Cancel);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["capabilities[0].code", "category", "certifications[0].expiresOn", "name", "regions[0]", "tier"],
            problem.ErrorFields().Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/partners/{partnerId}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_capability_is_refused_naming_its_path_and_suggesting_a_close_code()
    {
        var response = await fixture.Host.ClientFor(Guid.NewGuid()).PostAsJsonAsync("/api/partners",
            Profile("Typo Tech", "storage", "security.identity", "storage.bakup"), Cancel);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["capabilities[2].code"], problem.ErrorFields());
        var message = problem.GetProperty("errors").GetProperty("capabilities[2].code")[0].GetString();
        Assert.Contains("'storage.backup'", message);
    }

    [Fact]
    public async Task Malformed_json_is_a_bad_request_problem_not_a_server_error()
    {
        var client = fixture.Host.ClientFor(Guid.NewGuid());
        var response = await client.PostAsync("/api/partners", new StringContent("{\"name\": ", Encoding.UTF8, "application/json"), Cancel);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_request_without_a_valid_token_is_unauthorized()
    {
        var anonymous = fixture.Host.CreateClient();
        await (await anonymous.GetAsync($"/api/partners/{Guid.NewGuid()}", Cancel)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        var forged = fixture.Host.CreateClient().ActingFor(Guid.NewGuid(), signingKey: DevelopmentTokens.NewSigningKey());
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync($"/api/partners/{Guid.NewGuid()}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_partner_cannot_change_another_partners_profile()
    {
        var owner = await RegisterAsync(Profile());

        var response = await fixture.Host.ClientFor(Guid.NewGuid()).PutAsJsonAsync($"/api/partners/{owner}", Profile("Hijacked"), Cancel);
        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        var read = await fixture.Host.ClientFor(owner).GetFromJsonAsync<PartnerView>($"/api/partners/{owner}", Cancel);
        Assert.Equal("Stora Systems", read!.Name);
    }

    [Fact]
    public async Task An_update_without_If_Match_is_refused_with_428_naming_the_header()
    {
        var partnerId = await RegisterAsync(Profile());
        var client = fixture.Host.ClientFor(partnerId);

        var problem = await (await client.PutAsJsonAsync($"/api/partners/{partnerId}", Profile("Blindly renamed"), Cancel))
            .AssertProblemAsync((HttpStatusCode)428);

        Assert.Equal("If-Match", problem.GetProperty("header").GetString());
        Assert.Equal("Stora Systems", (await client.GetFromJsonAsync<PartnerView>($"/api/partners/{partnerId}", Cancel))!.Name);
    }

    [Fact]
    public async Task An_update_based_on_a_stale_read_is_refused_with_412()
    {
        var partnerId = await RegisterAsync(Profile());
        var client = fixture.Host.ClientFor(partnerId);
        var etag = (await client.GetAsync($"/api/partners/{partnerId}", Cancel)).Headers.ETag!.Tag;

        var first = new HttpRequestMessage(HttpMethod.Put, $"/api/partners/{partnerId}") { Content = JsonContent.Create(Profile("Renamed once")) };
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(first, Cancel)).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/partners/{partnerId}") { Content = JsonContent.Create(Profile("Renamed twice")) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        await (await client.SendAsync(stale, Cancel)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task An_expired_certification_stops_counting_without_anyone_touching_the_profile()
    {
        var vendor = $"vendor-{Guid.NewGuid():N}"[..20];
        var partnerId = await RegisterAsync(Profile("Soon Expired Storage", "storage") with
        {
            Certifications = [Certification(vendor, "Storage Professional", Today.AddDays(1), "storage.san")],
            Solutions = [new SolutionInput("SAN refresh", vendor, ["storage.san"])],
        });
        // The clock moves days ahead: a token that outlives the move keeps the caller signed in either way.
        var client = fixture.Host.CreateClient().WithToken(
            DevelopmentTokens.Create(TestTokens.SigningKey, Roles.Partner, partnerId, lifetime: TimeSpan.FromDays(30)));

        var before = (await client.GetFromJsonAsync<PartnerView>($"/api/partners/{partnerId}", Cancel))!;
        Assert.True(Assert.Single(before.Certifications).Valid);
        Assert.Equal(["Storage Professional"], Assert.Single(before.Capabilities).Evidence.Certifications);
        Assert.Equal(["SAN refresh"], before.Capabilities[0].Evidence.Solutions);
        Assert.Equal(["Soon Expired Storage"], await SearchNamesAsync($"certificationVendor={vendor}"));

        fixture.Clock.Offset = TimeSpan.FromDays(2);
        try
        {
            var after = (await client.GetFromJsonAsync<PartnerView>($"/api/partners/{partnerId}", Cancel))!;
            Assert.False(Assert.Single(after.Certifications).Valid);
            Assert.Empty(Assert.Single(after.Capabilities).Evidence.Certifications);
            Assert.Equal(["SAN refresh"], after.Capabilities[0].Evidence.Solutions);
            Assert.Equal(before.Version, after.Version);
            Assert.Empty(await SearchNamesAsync($"certificationVendor={vendor}"));
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Search_filters_by_capability_with_or_without_descendants_region_tier_function_vendor_and_name()
    {
        var prefix = $"s{Guid.NewGuid():N}"[..12];
        var vendor = $"vendor-{Guid.NewGuid():N}"[..20];
        await RegisterAsync(Profile($"{prefix} Alpha", "storage.backup") with { Tier = "premier", Regions = ["US"],
            Certifications = [Certification(vendor, "Backup Pro", null, "storage.backup")] });
        await RegisterAsync(Profile($"{prefix} Bravo", "storage") with { Tier = "advanced", Regions = ["DE"],
            Certifications = [Certification(vendor, "Storage Pro", Today.AddDays(-1), "storage")] });
        await RegisterAsync(Profile($"{prefix} Charlie", "networking.sd-wan") with { PartnerFunction = "sales", Category = "solution-reseller", Tier = "ready", Regions = ["US", "DE"] });
        await RegisterAsync(Profile($"{prefix} Delta", "cloud.migration") with { PartnerFunction = "service", Category = "consulting-deployment", Tier = "premier", Regions = ["FR"] });
        await RegisterAsync(Profile($"{prefix} Echo", "storage.backup.immutable", "security.identity") with { Category = "msp", Tier = "registered", Regions = ["US"] });
        await RegisterAsync(Profile($"{prefix} Foxtrot", "software") with { PartnerFunction = "influencer", Category = "academia", Tier = "registered", Regions = ["GB"] });
        string[] Named(params string[] names) => names.Select(n => $"{prefix} {n}").ToArray();

        Assert.Equal(Named("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"), await SearchNamesAsync($"q={prefix}"));
        Assert.Equal(Named("Alpha", "Bravo", "Echo"), await SearchNamesAsync($"q={prefix}&capability=storage"));
        Assert.Equal(Named("Bravo"), await SearchNamesAsync($"q={prefix}&capability=storage&includeDescendants=false"));
        Assert.Equal(Named("Alpha", "Echo"), await SearchNamesAsync($"q={prefix}&capability=storage.backup&includeDescendants=true"));
        Assert.Equal(Named("Bravo", "Charlie"), await SearchNamesAsync($"q={prefix}&region=DE"));
        Assert.Equal(Named("Alpha", "Delta"), await SearchNamesAsync($"q={prefix}&tier=premier"));
        Assert.Equal(Named("Charlie"), await SearchNamesAsync($"q={prefix}&function=sales"));
        Assert.Equal(Named("Echo"), await SearchNamesAsync($"q={prefix}&function=solution&category=msp"));
        Assert.Equal(Named("Alpha"), await SearchNamesAsync($"certificationVendor={vendor}"));
        Assert.Equal(Named("Alpha"), await SearchNamesAsync($"q={prefix}&region=US&tier=premier&capability=storage&certificationVendor={vendor}"));
        Assert.Equal(Named("Echo"), await SearchNamesAsync($"q={Uri.EscapeDataString($"{prefix.ToUpperInvariant()} eCHo")}"));
        Assert.Empty(await SearchNamesAsync($"q={Uri.EscapeDataString($"{prefix}%")}"));
    }

    [Fact]
    public async Task Search_pages_through_results_in_name_order_with_a_cursor()
    {
        var prefix = $"p{Guid.NewGuid():N}"[..12];
        foreach (var name in new[] { "Kilo", "India", "Lima", "Hotel", "Juliett" })
        {
            await RegisterAsync(Profile($"{prefix} {name}"));
        }
        var client = fixture.Host.ClientFor(Guid.NewGuid());

        var first = await client.GetFromJsonAsync<JsonElement>($"/api/partners?q={prefix}&limit=3", Cancel);
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/partners?q={prefix}&limit=3&cursor={cursor}", Cancel);

        static IEnumerable<string> Names(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!);
        Assert.Equal(new[] { "Hotel", "India", "Juliett", "Kilo", "Lima" }.Select(n => $"{prefix} {n}"), Names(first).Concat(Names(second)));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("tier=gold", "tier")]
    [InlineData("function=wizard", "function")]
    [InlineData("function=sales&category=isv", "category")]
    [InlineData("region=usa", "region")]
    [InlineData("certificationVendor=Net%20App", "certificationVendor")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task Search_refuses_filter_values_it_does_not_know(string query, string field)
    {
        var response = await fixture.Host.ClientFor(Guid.NewGuid()).GetAsync($"/api/partners?{query}", Cancel);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.ErrorFields());
    }

    [Fact]
    public async Task Search_for_an_unknown_capability_suggests_a_close_code()
    {
        var response = await fixture.Host.ClientFor(Guid.NewGuid()).GetAsync("/api/partners?capability=netwroking.sd-wan", Cancel);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("'networking.sd-wan'", problem.GetProperty("errors").GetProperty("capability")[0].GetString());
    }

    [Fact]
    public async Task Deactivation_publishes_PartnerDeactivated_and_withdraws_the_partner_from_search_but_not_from_reading()
    {
        var prefix = $"d{Guid.NewGuid():N}"[..12];
        var partnerId = await RegisterAsync(Profile($"{prefix} Retiring Storage") with
        {
            Certifications = [Certification("netapp", "NCDA", null, "storage")],
        });
        var client = fixture.Host.ClientFor(partnerId);

        var byAnother = await fixture.Host.ClientFor(Guid.NewGuid()).PostAsync($"/api/partners/{partnerId}/deactivate", null, Cancel);
        await byAnother.AssertProblemAsync(HttpStatusCode.Forbidden);

        var snapshot = await ReceiveEventAsync(nameof(PartnerDeactivated), partnerId, async () =>
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/partners/{partnerId}/deactivate", null, Cancel)).StatusCode));

        Assert.False(snapshot.GetProperty("active").GetBoolean());
        Assert.Equal(2, snapshot.GetProperty("version").GetInt64());
        Assert.Equal($"{prefix} Retiring Storage", snapshot.GetProperty("name").GetString());
        Assert.Equal("NCDA", Assert.Single(snapshot.GetProperty("certifications").EnumerateArray()).GetProperty("name").GetString());

        var read = (await client.GetFromJsonAsync<PartnerView>($"/api/partners/{partnerId}", Cancel))!;
        Assert.False(read.Active);
        Assert.Empty(await SearchNamesAsync($"q={prefix}"));
        Assert.Equal([$"{prefix} Retiring Storage"], await SearchNamesAsync($"q={prefix}&includeInactive=true"));

        await (await client.PutIfMatchAsJsonAsync($"/api/partners/{partnerId}", "\"2\"", Profile("Back from the dead"), Cancel)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsync($"/api/partners/{partnerId}/deactivate", null, Cancel)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_administrator_can_deactivate_any_partner()
    {
        var partnerId = await RegisterAsync(Profile("Admin Removed"));

        var response = await fixture.Admin().PostAsync($"/api/partners/{partnerId}/deactivate", null, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await response.Content.ReadFromJsonAsync<PartnerView>(Cancel))!.Active);
    }

    [Fact]
    public async Task PartnerDirectory_answers_only_a_service_token_addressed_to_Partners()
    {
        var partnerId = await RegisterAsync(Profile("Guarded Directory"));
        var request = new GetPartnersRequest { PartnerIds = { partnerId.ToString() } };

        async Task<StatusCode> Refusal(string? token) => (await Assert.ThrowsAsync<RpcException>(async () =>
            await fixture.Directory(token).GetPartnersAsync(request, cancellationToken: Cancel))).StatusCode;

        Assert.Equal(StatusCode.Unauthenticated, await Refusal(token: null));
        Assert.Equal(StatusCode.Unauthenticated, await Refusal(TestTokens.Partner(partnerId)));
        Assert.Equal(StatusCode.Unauthenticated, await Refusal(DevelopmentTokens.Create(TestTokens.SigningKey, Roles.Admin)));
        Assert.Equal(StatusCode.Unauthenticated, await Refusal(TestTokens.Service("brokering", callee: "matching")));
        Assert.Equal(StatusCode.Unauthenticated, await Refusal(TestTokens.Service("matching", "partners", signingKey: DevelopmentTokens.NewSigningKey())));
        // Addressed to Partners but a person's token, not a service's.
        Assert.Equal(StatusCode.PermissionDenied, await Refusal(TestTokens.Signed("ecosystemmarket-partners",
            (ClaimNames.Subject, "someone"), (ClaimNames.Role, Roles.Partner), (ClaimNames.PartnerId, partnerId.ToString()))));
        // A stream is refused before it yields a single partner.
        using var stream = fixture.Directory(TestTokens.Partner(partnerId)).StreamPartners(new StreamPartnersRequest(), cancellationToken: Cancel);
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(async () => await stream.ResponseStream.MoveNext(Cancel))).StatusCode);

        var reply = await fixture.Directory(TestTokens.Service("settlement", "partners")).GetPartnersAsync(request, cancellationToken: Cancel);
        Assert.Equal([partnerId.ToString()], reply.Partners.Select(p => p.PartnerId));
    }

    [Fact]
    public async Task A_service_token_opens_no_REST_endpoint()
    {
        var partnerId = await RegisterAsync(Profile("Not For Services"));

        var addressedToPartners = await fixture.Host.CreateClient().WithToken(TestTokens.Service("matching", "partners")).GetAsync($"/api/partners/{partnerId}", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, addressedToPartners.StatusCode);
        // Even with the users' audience, a service's role is not a user's.
        var asService = await fixture.Host.CreateClient().WithToken(TestTokens.Signed(JwtSettings.DefaultAudience,
            (ClaimNames.Subject, "matching"), (ClaimNames.Role, Roles.Service))).GetAsync($"/api/partners/{partnerId}", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, asService.StatusCode);
    }

    [Fact]
    public async Task A_partner_token_without_a_partner_id_or_a_vendor_token_without_a_vendor_is_refused_with_a_problem()
    {
        var partnerId = await RegisterAsync(Profile("Asked About"));

        foreach (var token in new[]
                 {
                     DevelopmentTokens.Create(TestTokens.SigningKey, Roles.Partner),
                     TestTokens.Signed(JwtSettings.DefaultAudience, (ClaimNames.Subject, "p"), (ClaimNames.Role, Roles.Partner), (ClaimNames.PartnerId, "acme")),
                     DevelopmentTokens.Create(TestTokens.SigningKey, Roles.Vendor),
                 })
        {
            var response = await fixture.Host.CreateClient().WithToken(token).GetAsync($"/api/partners/{partnerId}", Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.ClientFor(partnerId).GetAsync($"/api/partners/{partnerId}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task PartnerDirectory_GetPartner_answers_with_the_snapshot_or_a_status_code()
    {
        var partnerId = await RegisterAsync(Profile("Directory Listed", "storage", "cloud.migration") with
        {
            Certifications = [Certification("aws", "AWS Solutions Architect", Today.AddYears(2), "cloud.migration")],
        });
        var directory = fixture.Directory();

        var record = await directory.GetPartnerAsync(new GetPartnerRequest { PartnerId = partnerId.ToString() }, cancellationToken: Cancel);

        Assert.Equal(partnerId.ToString(), record.PartnerId);
        Assert.Equal(1, record.Version);
        var snapshot = JsonSerializer.Deserialize<PartnerSnapshot>(record.SnapshotJson, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal("Directory Listed", snapshot.Name);
        Assert.Equal(["cloud.migration", "storage"], snapshot.Capabilities.Select(c => c.Code));
        Assert.Equal(Today.AddYears(2), Assert.Single(snapshot.Certifications).ExpiresOn);

        var missing = await Assert.ThrowsAsync<RpcException>(async () =>
            await directory.GetPartnerAsync(new GetPartnerRequest { PartnerId = Guid.NewGuid().ToString() }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        var malformed = await Assert.ThrowsAsync<RpcException>(async () =>
            await directory.GetPartnerAsync(new GetPartnerRequest { PartnerId = "not-a-guid" }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
    }

    [Fact]
    public async Task PartnerDirectory_GetPartners_returns_the_partners_found_and_lists_the_others()
    {
        var first = await RegisterAsync(Profile("Batch One"));
        var second = await RegisterAsync(Profile("Batch Two"));
        var unknown = Guid.NewGuid();
        var directory = fixture.Directory();

        var reply = await directory.GetPartnersAsync(new GetPartnersRequest { PartnerIds = { second.ToString(), unknown.ToString(), first.ToString() } }, cancellationToken: Cancel);

        Assert.Equal([second.ToString(), first.ToString()], reply.Partners.Select(p => p.PartnerId));
        Assert.Equal([unknown.ToString()], reply.NotFound);

        var tooMany = await Assert.ThrowsAsync<RpcException>(async () => await directory.GetPartnersAsync(new GetPartnersRequest
        {
            PartnerIds = { Enumerable.Range(0, PartnerDirectoryService.MaxBatch + 1).Select(_ => Guid.NewGuid().ToString()) },
        }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.InvalidArgument, tooMany.StatusCode);
    }

    [Fact]
    public async Task PartnerDirectory_StreamPartners_returns_every_partner_inactive_included_ordered_by_id()
    {
        var registered = new List<Guid>();
        for (var i = 0; i < PartnersFixture.StreamPageSize + 2; i++)
        {
            registered.Add(await RegisterAsync(Profile($"Streamed {i}")));
        }
        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.ClientFor(registered[0]).PostAsync($"/api/partners/{registered[0]}/deactivate", null, Cancel)).StatusCode);

        using var call = fixture.Directory().StreamPartners(new StreamPartnersRequest(), cancellationToken: Cancel);
        var streamed = new List<PartnerRecord>();
        while (await call.ResponseStream.MoveNext(Cancel))
        {
            streamed.Add(call.ResponseStream.Current);
        }

        var ids = streamed.Select(r => r.PartnerId).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Distinct(), ids);
        Assert.All(registered, id => Assert.Contains(id.ToString(), ids));
        var deactivated = streamed.Single(r => r.PartnerId == registered[0].ToString());
        Assert.Equal(2, deactivated.Version);
        Assert.False(JsonSerializer.Deserialize<PartnerSnapshot>(deactivated.SnapshotJson, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.Active);
    }

    [Fact]
    public async Task Everyone_signed_in_reads_the_capability_taxonomy()
    {
        var codes = await fixture.Host.ClientFor(Guid.NewGuid()).GetFromJsonAsync<JsonElement>("/api/partners/capabilities", Cancel);

        var storage = codes.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "storage.backup");
        Assert.Contains("backup", storage.GetProperty("synonyms").EnumerateArray().Select(s => s.GetString()));
        Assert.InRange(codes.GetArrayLength(), 80, 200);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Host.CreateClient().GetAsync("/api/partners/capabilities", Cancel)).StatusCode);
    }

    [Fact]
    public async Task An_administrator_adds_a_capability_code_that_partners_can_use_at_once()
    {
        var code = $"storage.backup.vault-{Guid.NewGuid():N}"[..30];
        var admin = fixture.Admin();

        var added = await admin.PostAsJsonAsync("/api/partners/capabilities", new { code, name = "Backup vaults", synonyms = new[] { "cyber vault" } }, Cancel);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        await RegisterAsync(Profile("Vault Keepers", code));

        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/partners/capabilities", Cancel);
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("code").GetString() == code);
        Assert.Equal(["Vault Keepers"], await SearchNamesAsync($"capability={code}"));

        var again = await admin.PostAsJsonAsync("/api/partners/capabilities", new { code, name = "Again", synonyms = Array.Empty<string>() }, Cancel);
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        var orphan = await admin.PostAsJsonAsync("/api/partners/capabilities", new { code = "quantum.teleportation", name = "Teleportation", synonyms = Array.Empty<string>() }, Cancel);
        Assert.Equal(["code"], (await orphan.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Only_an_administrator_adds_capability_codes()
    {
        var response = await fixture.Host.ClientFor(Guid.NewGuid()).PostAsJsonAsync("/api/partners/capabilities",
            new { code = "storage.by-partner", name = "Self-made", synonyms = Array.Empty<string>() }, Cancel);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        var listed = await fixture.Host.ClientFor(Guid.NewGuid()).GetFromJsonAsync<JsonElement>("/api/partners/capabilities", Cancel);
        Assert.DoesNotContain(listed.EnumerateArray(), c => c.GetProperty("code").GetString() == "storage.by-partner");
    }

    [Fact]
    public async Task A_code_added_through_one_replica_is_accepted_by_another_at_once()
    {
        await using var replica = new ServiceHost<PartnerRepository>("partnersdb", fixture.Broker.ConnectionString,
            settings: new Dictionary<string, string> { ["ConnectionStrings:partnersdb"] = $"Data Source={fixture.Host.DatabasePath}" });
        var code = $"networking.mesh-{Guid.NewGuid():N}"[..25];
        // The replica has its taxonomy cached before the code exists.
        Assert.Equal(HttpStatusCode.OK, (await replica.ClientFor(Guid.NewGuid()).GetAsync("/api/partners?capability=networking", Cancel)).StatusCode);

        var added = await fixture.Admin().PostAsJsonAsync("/api/partners/capabilities", new { code, name = "Mesh networking", synonyms = Array.Empty<string>() }, Cancel);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var registered = await replica.ClientFor(Guid.NewGuid()).PostAsJsonAsync("/api/partners", Profile("Mesh Makers", code), Cancel);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
    }

    [Fact]
    public async Task Partners_registered_before_profile_documents_keep_their_regions_and_capabilities()
    {
        var path = Path.Combine(Path.GetTempPath(), $"em-test-partners-v1-{Guid.NewGuid():N}.db");
        var partnerId = Guid.NewGuid();
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Cancel);
            await connection.ExecuteAsync("CREATE TABLE schema_migrations (id TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);");
            var versionOne = new[] { typeof(Database).Assembly, typeof(PartnerRepository).Assembly }
                .SelectMany(assembly => MigrationRunner.ScriptsIn(assembly, SqlDialect.Sqlite))
                .Where(script => string.CompareOrdinal(script.File, "0002") < 0);
            foreach (var script in versionOne)
            {
                await connection.ExecuteAsync(script.Sql);
                await connection.ExecuteAsync("INSERT INTO schema_migrations (id, applied_at) VALUES (@Id, '2026-01-01T00:00:00Z');", new { script.Id });
            }
            await connection.ExecuteAsync("""
                INSERT INTO partners (id, name, partner_function, category, tier, regions, capabilities, active, version, created_at, updated_at)
                VALUES (@Id, 'Legacy Storage', 'solution', 'isv', 'ready', '["DE","US"]', '["storage","storage.san"]', 1, 3,
                        '2026-01-01T00:00:00.0000000Z', '2026-01-02T00:00:00.0000000Z');
                """, new { Id = partnerId.ToString() });
        }

        try
        {
            await using var upgraded = new ServiceHost<PartnerRepository>("partnersdb", fixture.Broker.ConnectionString,
                settings: new Dictionary<string, string> { ["ConnectionStrings:partnersdb"] = $"Data Source={path}" });
            var client = upgraded.ClientFor(partnerId);

            var read = (await client.GetFromJsonAsync<PartnerView>($"/api/partners/{partnerId}", Cancel))!;
            Assert.Equal(["DE", "US"], read.Regions);
            Assert.Equal(["storage", "storage.san"], read.Capabilities.Select(c => c.Code));
            Assert.All(read.Capabilities, c => Assert.Equal("intermediate", c.Proficiency));
            Assert.Equal(3, read.Version);
            var found = await client.GetFromJsonAsync<JsonElement>("/api/partners?capability=storage.san&region=DE&q=legacy", Cancel);
            Assert.Equal(partnerId, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
