using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ServiceTests;

public sealed class Figures_of_opportunities(BrokeringFixture fixture) : IClassFixture<BrokeringFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string NewVendor() => $"vendor-{Guid.NewGuid():N}"[..20];

    private static string Day(DateTimeOffset time) => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<Guid> PostAsync(Guid owner, string vendor, decimal value, string currency = "USD", bool draft = false)
    {
        var response = await fixture.Host.ClientFor(owner).PostAsJsonAsync("/api/opportunities", new
        {
            customer = new { name = "Initech" }, industry = "finance", region = "US", size = "large",
            needs = new[] { new { capability = "storage", mustHave = true } }, estimatedValue = value, currency, vendorId = vendor, draft,
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    private async Task<Guid> InviteAsync(Guid owner, Guid opportunity, Guid invitee, DateTimeOffset? acceptBy = null)
    {
        var response = await fixture.Host.ClientFor(owner).PostAsJsonAsync($"/api/opportunities/{opportunity}/invitations",
            new { partnerId = invitee, role = "storage specialist", referralFeePercent = 10m, acceptBy }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    private async Task AtAsync(TimeSpan offset, Func<Task> act)
    {
        fixture.Clock.Offset = offset;
        try
        {
            await act();
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }
    }

    private async Task OkAsync(Guid caller, string path, object? body = null)
    {
        var response = await fixture.Host.ClientFor(caller).PostAsJsonAsync(path, body ?? new { }, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {await response.Content.ReadAsStringAsync(Cancel)}");
    }

    private static async Task<OpportunityFigures> FiguresAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/opportunities/figures{query}", Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<OpportunityFigures>(Cancel))!;
    }

    private async Task SuggestAsync(Guid owner, Guid opportunity, params Candidate[] candidates)
    {
        fixture.Matchmaker.NextCandidates.Enqueue(candidates);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.ClientFor(owner).GetAsync($"/api/opportunities/{opportunity}/suggestions", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_vendor_reads_what_became_of_its_programs_opportunities_posted_in_the_last_90_days()
    {
        var (acme, globex) = (NewVendor(), NewVendor());
        var (owner, first, second, slow, late, rival) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var longAgo = TimeSpan.FromDays(-200);
        Guid draft = default;
        await AtAsync(longAgo, async () =>
        {
            await PostAsync(owner, acme, 999m);
            draft = await PostAsync(owner, acme, 500m, "EUR", draft: true);
        });
        // Published today: it counts from its publication, not from when its draft was saved.
        await OkAsync(owner, $"/api/opportunities/{draft}/publish");
        await PostAsync(owner, globex, 7m);

        var won = await PostAsync(owner, acme, 100_000m);
        var lost = await PostAsync(owner, acme, 50_000m);
        // Matching suggested a partner for one of the three; for another it found none.
        await SuggestAsync(owner, won, new Candidate { PartnerId = first.ToString(), Name = "First", Score = 0.9, Reasons = { "covers storage" } });
        await SuggestAsync(owner, lost);
        var now = DateTimeOffset.UtcNow;
        var (accepts, declines, expires) = (await InviteAsync(owner, won, first), await InviteAsync(owner, won, second), await InviteAsync(owner, won, slow, now.AddHours(2)));
        var acceptsLater = await InviteAsync(owner, lost, late);
        await AtAsync(TimeSpan.FromHours(1), () => OkAsync(first, $"/api/invitations/{accepts}/accept"));
        await AtAsync(TimeSpan.FromHours(3), async () =>
        {
            await OkAsync(second, $"/api/invitations/{declines}/decline", new { reason = "Fully booked" });
            await OkAsync(late, $"/api/invitations/{acceptsLater}/accept");
        });
        await AtAsync(TimeSpan.FromHours(5), async () =>
        {
            var expired = await Eventually.HoldsAsync(() => fixture.Host.ClientFor(owner).GetFromJsonAsync<JsonElement>($"/api/invitations/{expires}", Cancel),
                invitation => invitation.GetProperty("status").GetString() == "Expired");
            Assert.Equal("Expired", expired.GetProperty("status").GetString());
        });
        await OkAsync(owner, $"/api/opportunities/{won}/win", new { finalValue = 120_000m });
        await OkAsync(owner, $"/api/opportunities/{lost}/lose");
        Assert.Equal(HttpStatusCode.Created, (await fixture.Host.ClientFor(owner).PostAsJsonAsync("/api/deal-registrations",
            new { vendorId = acme, customerName = "Initech", scope = new[] { "storage" } }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await fixture.Host.ClientFor(rival).PostAsJsonAsync("/api/deal-registrations",
            new { vendorId = acme, customerName = "Initech Inc.", scope = new[] { "storage" } }, Cancel)).StatusCode);

        var figures = await FiguresAsync(fixture.Host.CreateClient().AsVendor(acme));

        Assert.Equal((acme, 3L), (figures.Vendor, figures.Posted));
        Assert.Equal(89, figures.To.DayNumber - figures.From.DayNumber);
        Assert.Equal([new CurrencyTotal("EUR", 1, 500m), new CurrencyTotal("USD", 2, 150_000m)], figures.PostedValue);
        Assert.Equal((1L, 1.0 / 3), (figures.Matched, figures.MatchRate));
        var invitations = figures.Invitations;
        Assert.Equal((4L, 2L, 1L, 1L, 0L), (invitations.Sent, invitations.Accepted, invitations.Declined, invitations.Expired, invitations.Pending));
        Assert.Equal(2.0 / 4, invitations.AcceptanceRate);
        AssertNear(TimeSpan.FromHours(3), invitations.MedianResponseTime);
        Assert.Equal(2, figures.Teamed);
        AssertNear(TimeSpan.FromHours(2), figures.MedianTimeToTeam);
        Assert.Equal((1L, 1L, 0.5), (figures.Outcomes.Won, figures.Outcomes.Lost, figures.Outcomes.WinRate));
        Assert.Equal([new CurrencyTotal("USD", 1, 120_000m)], figures.Outcomes.WonValue);
        Assert.Equal([new CurrencyTotal("USD", 1, 50_000m)], figures.Outcomes.LostValue);
        Assert.Equal((2L, 1L), (figures.DealRegistrations.Registered, figures.DealRegistrations.Protected));
        Assert.Equal([new GroupCount("overlap", 1), new GroupCount("poaching", 0)], figures.DealRegistrations.Conflicts);

        var then = DateTimeOffset.UtcNow + longAgo;
        var earlier = await FiguresAsync(fixture.Host.CreateClient().AsVendor(acme), $"?from={Day(then.AddDays(-3))}&to={Day(then.AddDays(3))}");
        Assert.Equal([new CurrencyTotal("USD", 1, 999m)], earlier.PostedValue);

        var other = await FiguresAsync(fixture.Host.CreateClient().AsAdmin(), $"?vendor={globex}");
        Assert.Equal([new CurrencyTotal("USD", 1, 7m)], other.PostedValue);
        var refused = await fixture.Host.CreateClient().AsVendor(acme).GetAsync($"/api/opportunities/figures?vendor={globex}", Cancel);
        await refused.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_whole_ecosystem_is_for_administrators_only()
    {
        var vendor = NewVendor();
        var before = await FiguresAsync(fixture.Host.CreateClient().AsAdmin());
        await PostAsync(Guid.NewGuid(), vendor, 10m, "CHF");

        var after = await FiguresAsync(fixture.Host.CreateClient().AsAdmin());

        Assert.Null(after.Vendor);
        Assert.Equal(before.Posted + 1, after.Posted);
        await (await fixture.Host.ClientFor(Guid.NewGuid()).GetAsync("/api/opportunities/figures", Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("?from=2026-02-30")]
    [InlineData("?from=last-week")]
    [InlineData("?from=2026-06-02&to=2026-06-01")]
    public async Task Bad_dates_or_a_reversed_period_are_a_validation_problem(string query)
    {
        var response = await fixture.Host.CreateClient().AsVendor(NewVendor()).GetAsync($"/api/opportunities/figures{query}", Cancel);

        Assert.Contains("from", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    private static void AssertNear(TimeSpan expected, TimeSpan? actual) =>
        Assert.True(actual is { } value && (value - expected).Duration() < TimeSpan.FromMinutes(1), $"Expected about {expected}, got {actual}.");
}
