using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ServiceTests;

/// <summary>Vendors decide on their program's registrations once; a rejected registration protects nothing and earns no bonus.</summary>
public sealed class Deal_registration_decisions(BrokeringFixture fixture) : IClassFixture<BrokeringFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private readonly string _vendor = $"vendor-{Guid.NewGuid():N}"[..20];

    private async Task<JsonElement> RegisterAsync(Guid partner, string customer, Guid? opportunityId = null)
    {
        var response = await fixture.Host.ClientFor(partner).PostAsJsonAsync("/api/deal-registrations",
            new { vendorId = _vendor, customerName = customer, scope = new[] { "storage" }, opportunityId }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private HttpClient Vendor(string? vendor = null) => fixture.Host.CreateClient().AsVendor(vendor ?? _vendor);

    [Fact]
    public async Task The_registrant_learns_it_is_in_conflict_and_under_review_and_only_the_vendor_sees_with_whom()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var protectedOne = await RegisterAsync(first, "Aviato Inc.");

        var conflict = await RegisterAsync(second, "AVIATO");

        Assert.Equal((false, true, true), (conflict.GetProperty("protected").GetBoolean(), conflict.GetProperty("inConflict").GetBoolean(),
            conflict.GetProperty("underVendorReview").GetBoolean()));
        Assert.False(conflict.TryGetProperty("conflictsWithId", out _));
        Assert.DoesNotContain(protectedOne.GetProperty("id").GetGuid().ToString(), conflict.ToString());
        Assert.DoesNotContain(first.ToString(), conflict.ToString());
        var seenByVendor = await Vendor().GetFromJsonAsync<JsonElement>($"/api/deal-registrations/{conflict.GetProperty("id").GetGuid()}", Cancel);
        Assert.Equal(protectedOne.GetProperty("id").GetGuid(), seenByVendor.GetProperty("conflictsWithId").GetGuid());
        Assert.Equal(second, seenByVendor.GetProperty("registrantPartnerId").GetGuid());
    }

    [Fact]
    public async Task A_rejected_registration_loses_its_protection_and_is_decided_once()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var id = (await RegisterAsync(first, "Raviga Capital")).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await Vendor("another-vendor").PostAsJsonAsync($"/api/deal-registrations/{id}/reject", new { reason = "no" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Host.ClientFor(first).PostAsync($"/api/deal-registrations/{id}/approve", null, Cancel)).StatusCode);
        var noReason = await Vendor().PostAsJsonAsync($"/api/deal-registrations/{id}/reject", new { reason = "" }, Cancel);
        Assert.Equal(["reason"], (await noReason.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ToArray());
        var rejected = await fixture.ReceiveEventAsync("DealRegistrationRejected", e => e.GetProperty("registrationId").GetGuid() == id,
            async () => Assert.Equal(HttpStatusCode.OK, (await Vendor().PostAsJsonAsync($"/api/deal-registrations/{id}/reject", new { reason = "Not a real deal" }, Cancel)).StatusCode));
        Assert.Equal("Not a real deal", rejected.GetProperty("reason").GetString());

        Assert.Equal(HttpStatusCode.Conflict, (await Vendor().PostAsync($"/api/deal-registrations/{id}/approve", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Vendor().PostAsJsonAsync($"/api/deal-registrations/{id}/reject", new { reason = "again" }, Cancel)).StatusCode);
        var own = await fixture.Host.ClientFor(first).GetFromJsonAsync<JsonElement>($"/api/deal-registrations/{id}", Cancel);
        Assert.Equal((false, "rejected"), (own.GetProperty("protected").GetBoolean(), own.GetProperty("decision").GetString()));
        Assert.True((await RegisterAsync(second, "Raviga")).GetProperty("protected").GetBoolean());
    }

    [Fact]
    public async Task A_won_deal_whose_registration_was_rejected_names_no_registration_for_the_bonus()
    {
        var owner = Guid.NewGuid();
        var posted = await fixture.Host.ClientFor(owner).PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = "Bachmanity" }, industry = "media", region = "US", size = "small",
            needs = new[] { new { capability = "storage", mustHave = true } }, estimatedValue = 50_000m, currency = "USD", vendorId = _vendor,
        }, Cancel);
        var opportunity = (await posted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var id = (await RegisterAsync(owner, "Bachmanity", opportunity)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await Vendor().PostAsJsonAsync($"/api/deal-registrations/{id}/reject", new { reason = "Duplicate" }, Cancel)).StatusCode);

        var won = await fixture.ReceiveEventAsync("OpportunityWon", e => e.GetProperty("opportunityId").GetGuid() == opportunity,
            async () => Assert.Equal(HttpStatusCode.OK, (await fixture.Host.ClientFor(owner).PostAsJsonAsync($"/api/opportunities/{opportunity}/win", new { finalValue = 40_000m }, Cancel)).StatusCode));

        Assert.Equal(JsonValueKind.Null, won.TryGetProperty("dealRegistrationId", out var registration) ? registration.ValueKind : JsonValueKind.Null);
        Assert.Equal(_vendor, won.GetProperty("vendorId").GetString());
    }
}
