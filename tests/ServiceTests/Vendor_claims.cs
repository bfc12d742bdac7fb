using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Data;
using EcosystemMarket.Data.Migrations;
using EcosystemMarket.Partners.Infrastructure;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.TestSupport;
using Microsoft.Data.Sqlite;

namespace EcosystemMarket.ServiceTests;

/// <summary>Vendors attest or reject what partners claim about their programs, through Partners' REST API.</summary>
public sealed class Vendor_claims(PartnersFixture fixture) : IClassFixture<PartnersFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string NewVendor() => $"v{Guid.NewGuid():N}"[..16];

    private static PartnerProfile Profile(string vendor) => new()
    {
        Name = $"Claimant of {vendor}",
        PartnerFunction = "solution",
        Category = "isv",
        Tier = "advanced",
        Regions = ["US"],
        Capabilities = [new CapabilityInput("storage", "expert")],
        Certifications = [new CertificationInput(vendor, "Storage Professional", "professional", Today.AddYears(-1), Today.AddYears(1), ["storage"])],
        ProgramMemberships = [vendor],
    };

    private async Task<Guid> RegisterAsync(PartnerProfile profile)
    {
        var partnerId = Guid.NewGuid();
        var response = await fixture.Host.ClientFor(partnerId).PostAsJsonAsync("/api/partners", profile, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return partnerId;
    }

    private async Task<JsonElement[]> ClaimsAsync(string vendor, string state) =>
        (await fixture.Host.CreateClient().AsVendor(vendor).GetFromJsonAsync<JsonElement>($"/api/partners/vendors/{vendor}/claims?state={state}", Cancel))
            .GetProperty("items").EnumerateArray().ToArray();

    private async Task<Guid> ClaimIdAsync(Guid partnerId, string kind)
    {
        var profile = await fixture.Host.ClientFor(partnerId).GetFromJsonAsync<JsonElement>($"/api/partners/{partnerId}", Cancel);
        return profile.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == kind).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_vendor_attests_a_pending_certification_and_the_new_snapshot_says_it_is_attested()
    {
        var vendor = NewVendor();
        var partnerId = await RegisterAsync(Profile(vendor));
        var pending = await ClaimsAsync(vendor, ClaimStates.Pending);
        Assert.Equal(["certification", "membership", "tier"], pending.Select(c => c.GetProperty("kind").GetString()).Order());
        Assert.All(pending, c => Assert.Equal(partnerId, c.GetProperty("partnerId").GetGuid()));
        var claimId = pending.Single(c => c.GetProperty("kind").GetString() == ClaimKinds.Certification).GetProperty("id").GetGuid();
        var vendorClient = fixture.Host.CreateClient().AsVendor(vendor);
        HttpResponseMessage? attested = null;

        var snapshot = (await fixture.ReceiveEventAsync(nameof(PartnerProfileUpdated),
            m => m.GetProperty("partner").GetProperty("partnerId").GetGuid() == partnerId,
            async () => attested = await vendorClient.PostAsync($"/api/partners/{partnerId}/claims/{claimId}/attest", null, Cancel))).GetProperty("partner");

        Assert.Equal(HttpStatusCode.OK, attested!.StatusCode);
        Assert.Equal(ClaimStates.Attested, (await attested.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("state").GetString());
        Assert.Equal(2, snapshot.GetProperty("version").GetInt64());
        Assert.True(Assert.Single(snapshot.GetProperty("certifications").EnumerateArray()).GetProperty("attested").GetBoolean());
        Assert.Empty(snapshot.GetProperty("attestedMemberships").EnumerateArray());
        var profile = await fixture.Host.ClientFor(partnerId).GetFromJsonAsync<JsonElement>($"/api/partners/{partnerId}", Cancel);
        Assert.True(profile.GetProperty("certifications")[0].GetProperty("attested").GetBoolean());
        Assert.Equal(ClaimStates.Attested, profile.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == claimId).GetProperty("state").GetString());
        Assert.Equal([claimId], (await ClaimsAsync(vendor, ClaimStates.Attested)).Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal(2, (await ClaimsAsync(vendor, ClaimStates.Pending)).Length);

        var again = await vendorClient.PostAsync($"/api/partners/{partnerId}/claims/{claimId}/attest", null, Cancel);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(attested.Headers.ETag!.Tag, again.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Only_the_claims_vendor_decides_it_not_another_vendor_nor_the_partner_itself()
    {
        var vendor = NewVendor();
        var partnerId = await RegisterAsync(Profile(vendor));
        var claimId = await ClaimIdAsync(partnerId, ClaimKinds.Membership);
        var path = $"/api/partners/{partnerId}/claims/{claimId}/attest";

        await (await fixture.Host.CreateClient().AsVendor(NewVendor()).PostAsync(path, null, Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await fixture.Host.ClientFor(partnerId).PostAsync(path, null, Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await fixture.Admin().PostAsync(path, null, Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await fixture.Host.CreateClient().AsVendor(NewVendor()).GetAsync($"/api/partners/vendors/{vendor}/claims", Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var vendorClient = fixture.Host.CreateClient().AsVendor(vendor);
        Assert.Equal(HttpStatusCode.NotFound, (await vendorClient.PostAsync($"/api/partners/{partnerId}/claims/{Guid.NewGuid()}/attest", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await vendorClient.PostAsync($"/api/partners/{Guid.NewGuid()}/claims/{claimId}/attest", null, Cancel)).StatusCode);
        Assert.Equal(3, (await ClaimsAsync(vendor, ClaimStates.Pending)).Length);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_every_decision_stays_in_the_history_the_partner_and_vendor_read()
    {
        var vendor = NewVendor();
        var partnerId = await RegisterAsync(Profile(vendor));
        var claimId = await ClaimIdAsync(partnerId, ClaimKinds.Tier);
        var vendorClient = fixture.Host.CreateClient().AsVendor(vendor);
        var claim = $"/api/partners/{partnerId}/claims/{claimId}";

        var blank = await (await vendorClient.PostAsJsonAsync($"{claim}/reject", new { reason = " " }, Cancel)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(blank.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.OK, (await vendorClient.PostAsync($"{claim}/attest", null, Cancel)).StatusCode);
        var rejected = await vendorClient.PostAsJsonAsync($"{claim}/reject", new { reason = "Advanced lapsed in March" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);

        var history = await fixture.Host.ClientFor(partnerId).GetFromJsonAsync<JsonElement>($"{claim}/history", Cancel);
        Assert.Equal([ClaimStates.Attested, ClaimStates.Rejected], history.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("outcome").GetString()));
        Assert.Equal("Advanced lapsed in March", history.GetProperty("decisions")[1].GetProperty("reason").GetString());
        Assert.Equal(ClaimStates.Rejected, history.GetProperty("current").GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, (await vendorClient.GetAsync($"{claim}/history", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin().GetAsync($"{claim}/history", Cancel)).StatusCode);
        await (await fixture.Host.CreateClient().AsVendor(NewVendor()).GetAsync($"{claim}/history", Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await fixture.Host.ClientFor(Guid.NewGuid()).GetAsync($"{claim}/history", Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await vendorClient.GetAsync($"/api/partners/vendors/{vendor}/claims?state=approved", Cancel)).AssertProblemAsync(HttpStatusCode.BadRequest);

        // Both decisions are in the audit log the vendor reads for its program, and the partner for its organisation, with who decided.
        var ofProgram = await vendorClient.GetFromJsonAsync<JsonElement>($"/api/partners/audit?subjectId={claimId}", Cancel);
        Assert.Equal(["claim.rejected", "claim.attested"], ofProgram.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.All(ofProgram.GetProperty("items").EnumerateArray(), e => Assert.Equal(vendor, e.GetProperty("actingFor").GetString()));
        var ofPartner = await fixture.Host.ClientFor(partnerId).GetFromJsonAsync<JsonElement>("/api/partners/audit", Cancel);
        Assert.Equal(["claim.rejected", "claim.attested", "partner.registered"],
            ofPartner.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task A_revision_keeps_what_the_vendor_attested_and_claims_a_changed_tier_anew()
    {
        var vendor = NewVendor();
        var profile = Profile(vendor);
        var partnerId = await RegisterAsync(profile);
        var vendorClient = fixture.Host.CreateClient().AsVendor(vendor);
        foreach (var kind in new[] { ClaimKinds.Membership, ClaimKinds.Tier })
        {
            Assert.Equal(HttpStatusCode.OK, (await vendorClient.PostAsync($"/api/partners/{partnerId}/claims/{await ClaimIdAsync(partnerId, kind)}/attest", null, Cancel)).StatusCode);
        }
        var partnerClient = fixture.Host.ClientFor(partnerId);
        var current = await partnerClient.GetAsync($"/api/partners/{partnerId}", Cancel);

        var revised = await partnerClient.PutIfMatchAsJsonAsync($"/api/partners/{partnerId}", current.Headers.ETag!.Tag,
            profile with { ProgramTiers = new Dictionary<string, string?> { [vendor] = "premier" } }, Cancel);

        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        var claims = (await revised.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("claims").EnumerateArray()
            .ToDictionary(c => c.GetProperty("kind").GetString()!, c => c.GetProperty("state").GetString());
        Assert.Equal(ClaimStates.Attested, claims[ClaimKinds.Membership]);
        Assert.Equal(ClaimStates.Pending, claims[ClaimKinds.Tier]);
        var pendingTier = Assert.Single(await ClaimsAsync(vendor, ClaimStates.Pending), c => c.GetProperty("kind").GetString() == ClaimKinds.Tier);
        Assert.Equal("premier", pendingTier.GetProperty("tier").GetString());
    }

    [Fact]
    public async Task The_claims_of_partners_registered_before_claims_existed_reach_their_vendors_queue_at_start_up()
    {
        var path = Path.Combine(Path.GetTempPath(), $"em-test-partners-v2-{Guid.NewGuid():N}.db");
        var (partnerId, vendor) = (Guid.NewGuid(), NewVendor());
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Cancel);
            await connection.ExecuteAsync("CREATE TABLE schema_migrations (id TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);");
            var beforeClaims = new[] { typeof(Database).Assembly, typeof(PartnerRepository).Assembly }
                .SelectMany(assembly => MigrationRunner.ScriptsIn(assembly, SqlDialect.Sqlite))
                .Where(script => string.CompareOrdinal(script.File, "0003") < 0);
            foreach (var script in beforeClaims)
            {
                await connection.ExecuteAsync(script.Sql);
                await connection.ExecuteAsync("INSERT INTO schema_migrations (id, applied_at) VALUES (@Id, '2026-01-01T00:00:00Z');", new { script.Id });
            }
            var profile = JsonSerializer.Serialize(new
            {
                regions = new[] { "US" },
                capabilities = new[] { new { code = "storage", proficiency = "expert" } },
                certifications = new[] { new { vendor, name = "Legacy Storage Pro", level = "professional", issuedOn = "2025-01-01", capabilities = new[] { "storage" } } },
                programMemberships = new[] { vendor },
            });
            await connection.ExecuteAsync("""
                INSERT INTO partners (id, name, name_lower, partner_function, category, tier, management_mode, profile, active, version, created_at, updated_at)
                VALUES (@Id, 'Legacy Member', 'legacy member', 'solution', 'isv', 'ready', NULL, @Profile, 1, 4,
                        '2026-01-01T00:00:00.0000000Z', '2026-01-02T00:00:00.0000000Z');
                """, new { Id = partnerId.ToString(), Profile = profile });
        }

        try
        {
            await using var upgraded = new ServiceHost<PartnerRepository>("partnersdb", fixture.Broker.ConnectionString,
                settings: new Dictionary<string, string> { ["ConnectionStrings:partnersdb"] = $"Data Source={path}" });
            var vendorClient = upgraded.CreateClient().AsVendor(vendor);

            var queue = await Eventually.HoldsAsync(
                async () => (await vendorClient.GetFromJsonAsync<JsonElement>($"/api/partners/vendors/{vendor}/claims", Cancel)).GetProperty("items").EnumerateArray().ToArray(),
                items => items.Length == 3);

            Assert.Equal(["certification", "membership", "tier"], queue.Select(c => c.GetProperty("kind").GetString()).Order());
            Assert.All(queue, c => Assert.Equal(partnerId, c.GetProperty("partnerId").GetGuid()));
            var membership = queue.Single(c => c.GetProperty("kind").GetString() == ClaimKinds.Membership).GetProperty("id").GetGuid();
            var attested = await vendorClient.PostAsync($"/api/partners/{partnerId}/claims/{membership}/attest", null, Cancel);
            Assert.Equal(HttpStatusCode.OK, attested.StatusCode);
            Assert.Equal("\"5\"", attested.Headers.ETag!.Tag);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
