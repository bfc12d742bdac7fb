using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Partners.Infrastructure;
using EcosystemMarket.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.ServiceTests;

/// <summary>Partners with webhook timings in seconds: a 2 s request timeout and retries after 1 to 3 s.</summary>
public sealed class NotificationsFixture() : ServiceFixture<PartnerRepository>("partnersdb")
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Webhooks:AllowLoopback"] = "true",
        ["Webhooks:Timeout"] = "00:00:02",
        ["Webhooks:RetrySchedule"] = "00:00:01,00:00:01,00:00:02,00:00:02,00:00:03,00:00:03,00:00:03,00:00:03",
        ["Webhooks:PollInterval"] = "00:00:00.200",
        ["Notifications:ReminderInterval"] = "00:00:00.500",
    };
}

public sealed class Notifications_and_webhooks(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IBus Bus => fixture.Host.Services.GetRequiredService<IBus>();

    private async Task<(Guid Id, string Secret)> AddEndpointAsync(Guid partner, string url, params string[] kinds)
    {
        var response = await fixture.Host.ClientFor(partner).PostAsJsonAsync("/api/webhooks", new { url, eventKinds = kinds }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        return (created.GetProperty("endpoint").GetProperty("id").GetGuid(), created.GetProperty("secret").GetString()!);
    }

    private async Task<List<JsonElement>> DeliveriesAsync(Guid partner, Guid endpoint) =>
        (await fixture.Host.ClientFor(partner).GetFromJsonAsync<JsonElement>($"/api/webhooks/{endpoint}/deliveries?limit=200", Cancel))
        .GetProperty("items").EnumerateArray().ToList();

    private async Task<List<JsonElement>> NotificationsAsync(Guid partner, string query = "") =>
        (await fixture.Host.ClientFor(partner).GetFromJsonAsync<JsonElement>($"/api/notifications?limit=200{query}", Cancel))
        .GetProperty("items").EnumerateArray().ToList();

    private static (PartnerInvited, InvitationAccepted, OpportunityWon, PayoutApproved) Deal(Guid owner, Guid invitee)
    {
        var (opportunity, invitation, now) = (Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
        return (
            new PartnerInvited
            {
                InvitationId = invitation, OpportunityId = opportunity, OwnerPartnerId = owner, InviteePartnerId = invitee, Role = "storage",
                AcceptBy = now.AddDays(5), OccurredAt = now,
            },
            new InvitationAccepted { InvitationId = invitation, OpportunityId = opportunity, OwnerPartnerId = owner, InviteePartnerId = invitee, OccurredAt = now },
            new OpportunityWon
            {
                OpportunityId = opportunity, OwnerPartnerId = owner, FinalValue = 50_000m, Currency = "USD", OccurredAt = now,
                Team = [new TeamMemberTerms { PartnerId = invitee, Role = "storage", Reward = new RewardTerms { Kind = RewardTerms.ReferralFee, Percent = 10m } }],
            },
            new PayoutApproved { PayoutId = Guid.NewGuid(), VendorId = "acme", PartnerId = invitee, Amount = 5_000m, Currency = "USD", OccurredAt = now });
    }

    [Fact]
    public async Task A_receiver_that_was_down_gets_every_notification_of_a_deal_signed_and_once_after_deduplication()
    {
        var (owner, invitee) = (Guid.NewGuid(), Guid.NewGuid());
        await using var receiver = new WebhookReceiver();
        var (endpoint, secret) = await AddEndpointAsync(invitee, receiver.Url);
        receiver.Secrets.Add(secret);
        var (invited, accepted, won, payout) = Deal(owner, invitee);

        // The receiver's port is closed: every first attempt fails. The invitation also arrives twice (a redelivery).
        var invitedId = Guid.NewGuid();
        await Bus.Publish(invited, context => context.MessageId = invitedId, Cancel);
        await Bus.Publish(invited, context => context.MessageId = invitedId, Cancel);
        await Bus.Publish(accepted, Cancel);
        await Bus.Publish(won, Cancel);
        await Bus.Publish(payout, Cancel);
        string[] expected = ["invitation.received", "team.joined", "opportunity.won", "reward.booked", "payout.approved"];
        var failing = await Eventually.HoldsAsync(() => DeliveriesAsync(invitee, endpoint),
            log => log.Count == expected.Length && log.All(d => d.GetProperty("attempts").GetInt32() >= 1), TimeSpan.FromSeconds(30));
        Assert.All(failing, d => Assert.Equal("pending", d.GetProperty("state").GetString()));
        Assert.All(failing, d => Assert.False(string.IsNullOrEmpty(d.GetProperty("lastError").GetString())));

        // It comes back, answering 503 twice more before it works.
        receiver.AnswerUnavailable(2);
        await receiver.StartAsync();
        var log = await Eventually.HoldsAsync(() => DeliveriesAsync(invitee, endpoint),
            l => l.All(d => d.GetProperty("state").GetString() == "delivered"), TimeSpan.FromSeconds(40));

        Assert.All(log, d => Assert.Equal("delivered", d.GetProperty("state").GetString()));
        Assert.All(log, d => Assert.True(d.GetProperty("attempts").GetInt32() >= 2));
        Assert.Equal(expected.Order(), log.Select(d => d.GetProperty("eventType").GetString()).Order());
        Assert.All(receiver.Requests, r => Assert.True(r.ValidSignature, $"Request {r.Id} carries no valid signature."));
        Assert.Equal(expected.Order(), receiver.Events.Values.Select(e => JsonDocument.Parse(e.Body).RootElement.GetProperty("type").GetString()).Order());
        var notifications = await NotificationsAsync(invitee);
        Assert.Equal(notifications.Select(n => n.GetProperty("id").GetGuid().ToString("D")).Order(), receiver.Events.Keys.Order());
        var body = JsonDocument.Parse(receiver.Events.Values.First().Body).RootElement;
        Assert.Equal(invitee, body.GetProperty("partnerId").GetGuid());
        Assert.Equal(body.GetProperty("id").GetString(), receiver.Events.Keys.First());
        Assert.True(body.GetProperty("data").TryGetProperty("link", out _));

        // A replay sends the same event again, under the same id: the receiver already has it.
        var original = log.Single(d => d.GetProperty("eventType").GetString() == "payout.approved");
        var replay = await fixture.Host.ClientFor(invitee).PostAsync($"/api/webhooks/{endpoint}/deliveries/{original.GetProperty("id").GetGuid()}/replay", null, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        var eventId = original.GetProperty("eventId").GetGuid().ToString("D");
        var before = receiver.Requests.Count(r => r.Id == eventId);
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Requests.Count(r => r.Id == eventId)), count => count > before);
        Assert.Equal(expected.Length, receiver.Events.Count);
        var replayed = await Eventually.HoldsAsync(() => DeliveriesAsync(invitee, endpoint), l => l.Count == expected.Length + 1 && l[0].GetProperty("state").GetString() == "delivered");
        Assert.Equal(eventId, replayed[0].GetProperty("eventId").GetGuid().ToString("D"));
        Assert.Equal(original.GetProperty("eventType").GetString(), replayed[0].GetProperty("eventType").GetString());
    }

    [Fact]
    public async Task A_slow_receiver_does_not_hold_up_another_endpoint_and_its_deliveries_time_out()
    {
        var partner = Guid.NewGuid();
        await using var slow = new WebhookReceiver { Delay = TimeSpan.FromSeconds(30) };
        await using var fast = new WebhookReceiver();
        var (slowEndpoint, slowSecret) = await AddEndpointAsync(partner, slow.Url);
        var (_, fastSecret) = await AddEndpointAsync(partner, fast.Url);
        slow.Secrets.Add(slowSecret);
        fast.Secrets.Add(fastSecret);
        await slow.StartAsync();
        await fast.StartAsync();

        var payouts = Enumerable.Range(0, 3).Select(_ => new PayoutApproved
        {
            PayoutId = Guid.NewGuid(), VendorId = "acme", PartnerId = partner, Amount = 10m, Currency = "EUR", OccurredAt = DateTimeOffset.UtcNow,
        }).ToList();
        var published = DateTimeOffset.UtcNow;
        foreach (var payout in payouts)
        {
            await Bus.Publish(payout, Cancel);
        }

        await Eventually.HoldsAsync(() => Task.FromResult(fast.Events.Count), count => count == payouts.Count, TimeSpan.FromSeconds(15));
        Assert.Equal(payouts.Count, fast.Events.Count);
        // Each slow request holds its own slot for the 2 s timeout; the fast receiver's answers never wait for them.
        Assert.True(fast.Events.Values.Max(e => e.At) - published < TimeSpan.FromSeconds(10), "The fast receiver waited for the slow one.");
        var timedOut = await Eventually.HoldsAsync(() => DeliveriesAsync(partner, slowEndpoint),
            log => log.Count == payouts.Count && log.All(d => d.GetProperty("attempts").GetInt32() >= 1), TimeSpan.FromSeconds(20));
        Assert.All(timedOut, d => Assert.Equal("No answer within 2 s.", d.GetProperty("lastError").GetString()));
        Assert.All(timedOut, d => Assert.Equal("pending", d.GetProperty("state").GetString()));
        Assert.Empty(slow.Events);
    }

    [Fact]
    public async Task Notifications_are_listed_counted_and_marked_read_by_their_partner_only()
    {
        var (owner, invitee, stranger) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (invited, accepted, won, _) = Deal(owner, invitee);
        await Bus.Publish(invited, Cancel);
        await Bus.Publish(accepted, Cancel);
        await Bus.Publish(won, Cancel);
        var client = fixture.Host.ClientFor(owner);

        var list = await Eventually.HoldsAsync(() => NotificationsAsync(owner), l => l.Count == 2);
        // Newest first as they arrived: events of different kinds may overtake each other on the broker.
        Assert.Equal(["invitation.accepted", "opportunity.won"], list.Select(n => n.GetProperty("kind").GetString()).Order());
        Assert.All(list, n => Assert.Equal($"/opportunities/{won.OpportunityId}", n.GetProperty("link").GetString()));
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/notifications/unread-count", Cancel)).GetProperty("count").GetInt32());

        var first = list.Single(n => n.GetProperty("kind").GetString() == "invitation.accepted").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Host.ClientFor(stranger).PostAsync($"/api/notifications/{first}/read", null, Cancel)).StatusCode);
        var read = await (await client.PostAsync($"/api/notifications/{first}/read", null, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.NotEqual(JsonValueKind.Null, read.GetProperty("readAt").ValueKind);
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>("/api/notifications/unread-count", Cancel)).GetProperty("count").GetInt32());
        Assert.Equal("opportunity.won", Assert.Single(await NotificationsAsync(owner, "&unread=true")).GetProperty("kind").GetString());

        var page = await client.GetFromJsonAsync<JsonElement>("/api/notifications?limit=1", Cancel);
        var next = await client.GetFromJsonAsync<JsonElement>($"/api/notifications?limit=1&cursor={page.GetProperty("nextCursor").GetString()}", Cancel);
        Assert.Equal(list[1].GetProperty("id").GetGuid(), Assert.Single(next.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        var all = await (await client.PostAsync("/api/notifications/read-all", null, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(1, all.GetProperty("marked").GetInt32());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/notifications/unread-count", Cancel)).GetProperty("count").GetInt32());
        Assert.Empty(await NotificationsAsync(stranger));
        Assert.Equal(2, (await NotificationsAsync(invitee)).Count(n => n.GetProperty("kind").GetString() is "team.joined" or "reward.booked"));

        await (await fixture.Host.ClientFor(stranger).GetAsync($"/api/notifications?partnerId={owner}", Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await fixture.Host.CreateClient().AsVendor("acme").GetAsync("/api/notifications", Cancel)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(2, (await fixture.Host.CreateClient().AsAdmin().GetFromJsonAsync<JsonElement>($"/api/notifications?partnerId={owner}", Cancel))
            .GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task An_unanswered_invitation_near_its_deadline_is_reminded_once_and_an_answered_one_never()
    {
        var (owner, invitee) = (Guid.NewGuid(), Guid.NewGuid());
        var (invited, _, _, _) = Deal(owner, invitee);
        var soon = invited with { InvitationId = Guid.NewGuid(), AcceptBy = DateTimeOffset.UtcNow.AddHours(3) };
        var answered = invited with { InvitationId = Guid.NewGuid(), AcceptBy = DateTimeOffset.UtcNow.AddHours(3) };
        await Bus.Publish(new InvitationDeclined
        {
            InvitationId = answered.InvitationId, OpportunityId = answered.OpportunityId, OwnerPartnerId = owner, InviteePartnerId = invitee,
            Reason = "Not our field", OccurredAt = DateTimeOffset.UtcNow,
        }, Cancel);
        await Bus.Publish(answered, Cancel);
        await Bus.Publish(soon, Cancel);
        await Bus.Publish(invited, Cancel);

        var list = await Eventually.HoldsAsync(() => NotificationsAsync(invitee), l => l.Any(n => n.GetProperty("kind").GetString() == "invitation.expiring"));
        await Task.Delay(1_500, Cancel);
        list = await NotificationsAsync(invitee);

        var reminder = Assert.Single(list, n => n.GetProperty("kind").GetString() == "invitation.expiring");
        Assert.Equal($"/invitations/{soon.InvitationId}", reminder.GetProperty("link").GetString());
        Assert.Equal(3, list.Count(n => n.GetProperty("kind").GetString() == "invitation.received"));
    }

    [Fact]
    public async Task Endpoints_refuse_unsafe_urls_and_unknown_kinds_rotate_their_secret_and_belong_to_their_partner()
    {
        var (partner, stranger) = (Guid.NewGuid(), Guid.NewGuid());
        var client = fixture.Host.ClientFor(partner);
        var refused = await client.PostAsJsonAsync("/api/webhooks", new { url = "https://169.254.169.254/latest", eventKinds = new[] { "no.such.kind" } }, Cancel);
        Assert.Equal(["eventKinds", "url"], (await refused.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().Order());

        var (endpoint, secret) = await AddEndpointAsync(partner, "https://hooks.example.com/in", "payout.approved");
        var rotated = await (await client.PostAsync($"/api/webhooks/{endpoint}/rotate-secret", null, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.NotEqual(secret, rotated.GetProperty("secret").GetString());
        Assert.True(rotated.GetProperty("endpoint").GetProperty("previousSecretValidUntil").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(23));
        var listed = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/webhooks", Cancel)).EnumerateArray());
        Assert.False(listed.TryGetProperty("secret", out _));
        Assert.Equal(["payout.approved"], listed.GetProperty("eventKinds").EnumerateArray().Select(k => k.GetString()));

        var disabled = await (await client.PostAsync($"/api/webhooks/{endpoint}/disable", null, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.False(disabled.GetProperty("enabled").GetBoolean());
        var strangerClient = fixture.Host.ClientFor(stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/api/webhooks/{endpoint}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/api/webhooks/{endpoint}/deliveries", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.PostAsync($"/api/webhooks/{endpoint}/rotate-secret", null, Cancel)).StatusCode);
    }
}
