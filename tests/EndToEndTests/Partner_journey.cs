using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using EcosystemMarket.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcosystemMarket.EndToEndTests;

/// <summary>The walking skeleton's journey, through the gateway, across every process and the real broker.</summary>
public sealed class Partner_journey(RunningSystem system) : IClassFixture<RunningSystem>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_opportunity_travels_from_posting_to_a_settled_referral_reward()
    {
        var isv = Guid.NewGuid();
        var var = Guid.NewGuid();
        var software = Guid.NewGuid();
        using var isvClient = system.Client().ActingFor(isv, system.SigningKey);
        using var varClient = system.Client().ActingFor(var, system.SigningKey);
        using var softwareClient = system.Client().ActingFor(software, system.SigningKey);

        // 1. Two partners register; a third brings only what the VAR already brings.
        await Expect(HttpStatusCode.Created, isvClient.PostAsJsonAsync("/api/partners", Profile("Stora Systems", "solution", "isv", "storage"), Cancel));
        await Expect(HttpStatusCode.Created, varClient.PostAsJsonAsync("/api/partners", Profile("Vara Resellers", "sales", "solution-reseller", "software"), Cancel));
        await Expect(HttpStatusCode.Created, softwareClient.PostAsJsonAsync("/api/partners", Profile("Soft Rivals", "sales", "solution-reseller", "software"), Cancel));

        // 3. The VAR posts an opportunity; Brokering asks Matching over gRPC (its index fed by Partners' events).
        var opportunity = await Read(await Expect(HttpStatusCode.Created, varClient.PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = "Acme Corp", contact = "cio@acme.example" },
            industry = "manufacturing", region = "US", size = "large",
            needs = new[] { new { capability = "software", mustHave = true }, new { capability = "storage", mustHave = true } },
            estimatedValue = 250000, currency = "USD",
        }, Cancel)));
        var opportunityId = opportunity.GetProperty("id").GetGuid();

        var suggestions = await Eventually.HoldsAsync(
            async () => await Read(await Expect(HttpStatusCode.OK, varClient.GetAsync($"/api/opportunities/{opportunityId}/suggestions", Cancel))),
            s => s.GetProperty("candidates").EnumerateArray().Any(c => c.GetProperty("partnerId").GetGuid() == isv));
        var suggested = suggestions.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("partnerId").GetGuid()).ToList();
        // The ISV complements the VAR; the rival brings what the VAR has (other tests' partners may be suggested too).
        Assert.Contains(isv, suggested);
        Assert.DoesNotContain(software, suggested);
        Assert.Equal(["storage"], suggestions.GetProperty("ownerLacks").EnumerateArray().Select(c => c.GetString()).ToArray());

        // 4. Invited, the ISV sees the deal without its customer; accepting reveals the customer.
        var invitation = await Read(await Expect(HttpStatusCode.Created, varClient.PostAsJsonAsync($"/api/opportunities/{opportunityId}/invitations",
            new { partnerId = isv, role = "storage specialist", referralFeePercent = 10 }, Cancel)));
        var invitationId = invitation.GetProperty("id").GetGuid();

        var masked = await Read(await Expect(HttpStatusCode.OK, isvClient.GetAsync($"/api/opportunities/{opportunityId}", Cancel)));
        Assert.Equal(JsonValueKind.Null, masked.GetProperty("customer").ValueKind);
        Assert.DoesNotContain("Acme", masked.GetRawText());

        await Expect(HttpStatusCode.OK, isvClient.PostAsync($"/api/invitations/{invitationId}/accept", null, Cancel));
        var revealed = await Read(await Expect(HttpStatusCode.OK, isvClient.GetAsync($"/api/opportunities/{opportunityId}", Cancel)));
        Assert.Equal("Acme Corp", revealed.GetProperty("customer").GetProperty("name").GetString());

        // 5. Won: Brokering's outbox publishes OpportunityWon, Settlement books 10 % of 240,000.
        await Expect(HttpStatusCode.OK, varClient.PostAsJsonAsync($"/api/opportunities/{opportunityId}/win", new { finalValue = 240000 }, Cancel));
        await Expect(HttpStatusCode.Conflict, varClient.PostAsJsonAsync($"/api/opportunities/{opportunityId}/win", new { finalValue = 1 }, Cancel));

        // 6. Each partner reads its own ledger, and only its own.
        var isvLedger = await Eventually.HoldsAsync(
            async () => await Read(await Expect(HttpStatusCode.OK, isvClient.GetAsync($"/api/rewards/partners/{isv}/ledger", Cancel))),
            l => l.GetProperty("entries").GetArrayLength() > 0);
        Assert.Equal(24000m, Balance(isvLedger, "USD"));
        var varLedger = await Read(await Expect(HttpStatusCode.OK, varClient.GetAsync($"/api/rewards/partners/{var}/ledger", Cancel)));
        Assert.Equal(-24000m, Balance(varLedger, "USD"));

        await Expect(HttpStatusCode.Forbidden, isvClient.GetAsync($"/api/rewards/partners/{var}/ledger", Cancel));
        await Expect(HttpStatusCode.NotFound, softwareClient.GetAsync($"/api/opportunities/{opportunityId}", Cancel));
        await Expect(HttpStatusCode.NotFound, softwareClient.GetAsync($"/api/invitations/{invitationId}", Cancel));
        await Expect(HttpStatusCode.Unauthorized, system.Client().GetAsync($"/api/rewards/partners/{isv}/ledger", Cancel));
    }

    [Fact]
    public async Task A_multi_partner_deal_runs_from_posting_and_registration_to_a_payout_statement()
    {
        var (var, storage, security) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var vendor = $"vendor-{Guid.NewGuid():N}"[..20];
        using var varClient = system.Client().ActingFor(var, system.SigningKey);
        using var storageClient = system.Client().ActingFor(storage, system.SigningKey);
        using var securityClient = system.Client().ActingFor(security, system.SigningKey);
        using var vendorClient = system.Client().AsVendor(vendor, system.SigningKey);

        await Expect(HttpStatusCode.Created, varClient.PostAsJsonAsync("/api/partners", Profile("Multi VAR", "sales", "solution-reseller", "software", memberOf: vendor), Cancel));
        // Only registered partners are invited.
        await Expect(HttpStatusCode.Created, storageClient.PostAsJsonAsync("/api/partners", Profile("Team Storage", "solution", "isv", "storage"), Cancel));
        await Expect(HttpStatusCode.Created, securityClient.PostAsJsonAsync("/api/partners", Profile("Team Security", "solution", "isv", "security"), Cancel));
        await Expect(HttpStatusCode.Created, vendorClient.PutNewAsJsonAsync($"/api/rewards/vendors/{vendor}/program",
            new { name = "Program", currency = "USD", leadRegistrationBonus = 2000, holdingPeriodDays = 0, tierMultipliers = new Dictionary<string, decimal> { ["advanced"] = 1.25m } }, Cancel));
        // The vendor attests the VAR's membership and advanced tier: a tier the VAR only claimed would earn the base multiplier.
        var claims = await Read(await Expect(HttpStatusCode.OK, vendorClient.GetAsync($"/api/partners/vendors/{vendor}/claims?state=pending", Cancel)));
        Assert.Equal(2, claims.GetProperty("items").GetArrayLength());
        foreach (var claim in claims.GetProperty("items").EnumerateArray())
        {
            await Expect(HttpStatusCode.OK, vendorClient.PostAsync($"/api/partners/{var}/claims/{claim.GetProperty("id").GetGuid()}/attest", null, Cancel));
        }

        var opportunity = (await Read(await Expect(HttpStatusCode.Created, varClient.PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = "Wayne Enterprises" }, industry = "manufacturing", region = "US", size = "enterprise",
            needs = new[] { new { capability = "storage", mustHave = true }, new { capability = "security", mustHave = true } },
            estimatedValue = 500000, currency = "USD",
        }, Cancel)))).GetProperty("id").GetGuid();
        var registration = await Read(await Expect(HttpStatusCode.Created, varClient.PostAsJsonAsync("/api/deal-registrations",
            new { vendorId = vendor, customerName = "Wayne Enterprises Inc.", scope = new[] { "storage", "security" }, opportunityId = opportunity }, Cancel)));
        Assert.True(registration.GetProperty("protected").GetBoolean());

        var storageInvite = (await Read(await Expect(HttpStatusCode.Created, varClient.PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
            new { partnerId = storage, role = "storage", reward = new { kind = "revenue-share", percent = 15 } }, Cancel)))).GetProperty("id").GetGuid();
        var securityInvite = (await Read(await Expect(HttpStatusCode.Created, varClient.PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
            new { partnerId = security, role = "security", reward = new { kind = "fixed-fee", amount = 12500 } }, Cancel)))).GetProperty("id").GetGuid();
        await Expect(HttpStatusCode.OK, storageClient.PostAsync($"/api/invitations/{storageInvite}/accept", null, Cancel));
        await Expect(HttpStatusCode.OK, securityClient.PostAsync($"/api/invitations/{securityInvite}/accept", null, Cancel));
        await Expect(HttpStatusCode.OK, varClient.PostAsJsonAsync($"/api/opportunities/{opportunity}/win", new { finalValue = 400000 }, Cancel));

        var storageLedger = await Eventually.HoldsAsync(
            async () => await Read(await Expect(HttpStatusCode.OK, storageClient.GetAsync($"/api/rewards/partners/{storage}/ledger", Cancel))),
            l => l.GetProperty("entries").GetArrayLength() > 0);
        Assert.Equal(60000m, Balance(storageLedger, "USD"));
        var securityLedger = await Read(await Expect(HttpStatusCode.OK, securityClient.GetAsync($"/api/rewards/partners/{security}/ledger", Cancel)));
        Assert.Equal(12500m, Balance(securityLedger, "USD"));

        // The VAR owes its team 72,500 and earned the program's bonus: 2,000 × 1.25 for its attested advanced tier (read from Partners over gRPC).
        var varLedger = await Read(await Expect(HttpStatusCode.OK, varClient.GetAsync($"/api/rewards/partners/{var}/ledger", Cancel)));
        Assert.Equal(-72500m + 2500m, Balance(varLedger, "USD"));

        var payout = await Read(await Expect(HttpStatusCode.OK, vendorClient.PostAsJsonAsync($"/api/rewards/vendors/{vendor}/payouts", new { partnerId = var, currency = "USD" }, Cancel)));
        Assert.Equal(2500m, payout.GetProperty("amount").GetDecimal());
        var statement = await Read(await Expect(HttpStatusCode.OK, varClient.GetAsync($"/api/rewards/partners/{var}/statements", Cancel)));
        var usd = statement.GetProperty("currencies")[0];
        Assert.Equal(-72500m, usd.GetProperty("closingBalance").GetDecimal());
        Assert.Contains("payout", usd.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("account").GetString()));
    }

    [Fact]
    public async Task The_gateway_lists_every_API_and_refuses_oversized_bodies_and_missing_tokens_with_problem_details()
    {
        using var client = system.Client().ActingFor(Guid.NewGuid(), system.SigningKey);
        var huge = new string('x', 300 * 1024);
        var oversized = await client.PostAsJsonAsync("/api/partners", Profile(huge, "solution", "isv", "storage"), Cancel);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Equal("application/problem+json", oversized.Content.Headers.ContentType?.MediaType);

        var index = await Read(await Expect(HttpStatusCode.OK, system.Client().GetAsync("/openapi", Cancel)));
        Assert.Equal(4, index.GetArrayLength());
        var partnersApi = await Read(await Expect(HttpStatusCode.OK, system.Client().GetAsync("/openapi/partners.json", Cancel)));
        Assert.True(partnersApi.GetProperty("paths").TryGetProperty("/api/partners", out _));

        var anonymous = await system.Client().PostAsJsonAsync("/api/opportunities", new { }, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_app_host_runs_every_service_healthy_and_restarts_one_with_its_restart_command()
    {
        var notifications = system.App.ResourceNotifications;
        foreach (var service in RunningSystem.Services)
        {
            var healthy = await notifications.WaitForResourceHealthyAsync(service, Cancel);
            Assert.Equal(KnownResourceStates.Running, healthy.Snapshot.State?.Text);
        }
        var before = (await notifications.WaitForResourceHealthyAsync("settlement", Cancel)).Snapshot.Properties
            .Single(p => p.Name == "executable.pid").Value;

        var restart = await system.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync("settlement", KnownResourceCommands.RestartCommand, Cancel);

        Assert.True(restart.Success, restart.Message);
        var restarted = await notifications.WaitForResourceAsync("settlement",
            e => e.Snapshot.HealthStatus == HealthStatus.Healthy && !Equals(e.Snapshot.Properties.SingleOrDefault(p => p.Name == "executable.pid")?.Value, before), Cancel);
        Assert.Equal(KnownResourceStates.Running, restarted.Snapshot.State?.Text);
        var partner = Guid.NewGuid();
        using var client = system.Client().ActingFor(partner, system.SigningKey);
        await Expect(HttpStatusCode.OK, client.GetAsync($"/api/rewards/partners/{partner}/ledger", Cancel));
    }

    private static object Profile(string name, string function, string category, string capability, string? memberOf = null) => new
    {
        name, partnerFunction = function, category, tier = "advanced", regions = new[] { "US" },
        capabilities = new[] { new { code = capability, proficiency = "expert" } },
        programMemberships = memberOf is null ? Array.Empty<string>() : [memberOf],
    };

    private async Task<HttpResponseMessage> Expect(HttpStatusCode status, Task<HttpResponseMessage> request)
    {
        var response = await request;
        if (response.StatusCode != status)
        {
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode} {body}\n--- system output (tail) ---\n{Tail(system.Output)}");
        }
        return response;
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

    private static decimal Balance(JsonElement ledger, string currency) =>
        ledger.GetProperty("balances").EnumerateArray().Single(b => b.GetProperty("currency").GetString() == currency).GetProperty("amount").GetDecimal();

    private static string Tail(string text) => text.Length > 6000 ? text[^6000..] : text;
}
