using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcosystemMarket.AppHost.Seeding;

/// <summary>
/// The gateway's public REST API as a typed client: each call names the actor it is made for (a partner's or a
/// vendor's token) and answers the value the seeder needs, or throws <see cref="DemoApiException"/> with the problem.
/// </summary>
public sealed class EcosystemClient(HttpClient http, DemoTokens tokens)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// Saving a program replaces it, so seeding again leaves the same program. The PUT is conditional, as the API requires:
    /// on the ETag just read (If-Match), or on there being no program yet (If-None-Match: *).
    /// </summary>
    public async Task SaveProgramAsync(DemoVendor vendor, CancellationToken cancellationToken)
    {
        var path = $"/api/rewards/vendors/{vendor.Id}/program";
        var token = tokens.Vendor(vendor.Id);
        using var current = await SendAsync(HttpMethod.Get, path, token, null, cancellationToken, HttpStatusCode.NotFound);
        var precondition = current.Headers.ETag is { } etag ? ("If-Match", etag.Tag) : ("If-None-Match", "*");
        using var saved = await SendAsync(HttpMethod.Put, path, token, new
        {
            vendor.Name, vendor.Currency, vendor.LeadRegistrationBonus, DemoEcosystem.TierMultipliers, vendor.HoldingPeriodDays,
        }, cancellationToken, precondition: precondition);
    }

    /// <returns>False when the organisation was registered before (409).</returns>
    /// <param name="adopts">The published blueprints it adopts, each on a solution of its own (named as the blueprint).</param>
    public async Task<bool> RegisterPartnerAsync(DemoPartner partner, IReadOnlyList<Guid> adopts, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/partners", tokens.Partner(partner.Id), new
        {
            partner.Name, partner.PartnerFunction, partner.Category, partner.Tier, partner.Regions, partner.Verticals,
            partner.Capabilities, partner.Certifications, partner.ProgramMemberships,
            Solutions = adopts.Select(id => new { BlueprintId = id }).ToList(),
        }, cancellationToken, HttpStatusCode.Conflict);
        return response.StatusCode != HttpStatusCode.Conflict;
    }

    /// <returns>The blueprint's id, published now or before (a name is published once per vendor: 409, then found in the list).</returns>
    public async Task<(Guid Id, bool Published)> PublishBlueprintAsync(DemoBlueprint blueprint, CancellationToken cancellationToken)
    {
        var token = tokens.Vendor(blueprint.VendorId);
        using var response = await SendAsync(HttpMethod.Post, "/api/partners/blueprints", token,
            new { blueprint.Name, blueprint.Description, blueprint.Capabilities }, cancellationToken, HttpStatusCode.Conflict);
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            return ((await response.Content.ReadFromJsonAsync<ApiBlueprint>(Json, cancellationToken))!.Id, true);
        }
        var listed = await ReadAsync<ApiPage<ApiBlueprint>>(HttpMethod.Get, $"/api/partners/blueprints?vendor={blueprint.VendorId}&limit=200", token, null, cancellationToken);
        return (listed.Items.Single(b => b.Name == blueprint.Name).Id, false);
    }

    /// <summary>Sets the program's management of one category, replacing what was set (on the ETag just read).</summary>
    public async Task SetServiceLevelAsync(string vendorId, string category, int hours, CancellationToken cancellationToken)
    {
        var path = $"/api/opportunities/programs/{vendorId}/management";
        var token = tokens.Vendor(vendorId);
        using var current = await SendAsync(HttpMethod.Get, path, token, null, cancellationToken);
        using var saved = await SendAsync(HttpMethod.Put, path, token, new { CategoryModes = new Dictionary<string, string> { [category] = "sla" }, SlaResponseHours = hours },
            cancellationToken, precondition: ("If-Match", current.Headers.ETag!.Tag));
    }

    /// <summary>Every claim addressed to the vendor still waiting for its decision, all pages.</summary>
    public async Task<IReadOnlyList<ApiClaim>> PendingClaimsAsync(string vendorId, CancellationToken cancellationToken)
    {
        var all = new List<ApiClaim>();
        string? cursor = null;
        do
        {
            var query = cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}";
            var page = await ReadAsync<ApiPage<ApiClaim>>(HttpMethod.Get, $"/api/partners/vendors/{vendorId}/claims?state=pending&limit=200{query}",
                tokens.Vendor(vendorId), null, cancellationToken);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }

    public Task AttestClaimAsync(string vendorId, ApiClaim claim, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, $"/api/partners/{claim.PartnerId}/claims/{claim.Id}/attest", tokens.Vendor(vendorId), null, cancellationToken);

    public Task<ApiOpportunity> PostOpportunityAsync(DemoOpportunity story, CancellationToken cancellationToken) =>
        ReadAsync<ApiOpportunity>(HttpMethod.Post, "/api/opportunities", tokens.Partner(story.OwnerId), new
        {
            Customer = new { Name = story.CustomerName, Contact = $"procurement@{Slug(story.CustomerName)}.example" },
            story.Industry, story.Region, story.Size, story.Needs, story.EstimatedValue, story.Currency,
            // The program the deal belongs to; Brokering ignores the field until it knows it.
            story.VendorId,
        }, cancellationToken);

    public async Task<IReadOnlyList<ApiOpportunity>> MyOpportunitiesAsync(Guid owner, CancellationToken cancellationToken)
    {
        var all = new List<ApiOpportunity>();
        string? cursor = null;
        do
        {
            var query = cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}";
            var page = await ReadAsync<ApiPage<ApiOpportunity>>(HttpMethod.Get, $"/api/opportunities?limit=100{query}", tokens.Partner(owner), null, cancellationToken);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }

    public Task<ApiSuggestions> SuggestionsAsync(Guid owner, Guid opportunityId, CancellationToken cancellationToken) =>
        ReadAsync<ApiSuggestions>(HttpMethod.Get, $"/api/opportunities/{opportunityId}/suggestions?limit=10", tokens.Partner(owner), null, cancellationToken);

    public Task<ApiInvitation> InviteAsync(Guid owner, Guid opportunityId, Guid invitee, string role, DemoReward reward, CancellationToken cancellationToken) =>
        ReadAsync<ApiInvitation>(HttpMethod.Post, $"/api/opportunities/{opportunityId}/invitations", tokens.Partner(owner),
            new { PartnerId = invitee, Role = role, Reward = reward }, cancellationToken);

    public Task AcceptAsync(ApiInvitation invitation, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, $"/api/invitations/{invitation.Id}/accept", tokens.Partner(invitation.InviteePartnerId), null, cancellationToken);

    public Task DeclineAsync(ApiInvitation invitation, string reason, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, $"/api/invitations/{invitation.Id}/decline", tokens.Partner(invitation.InviteePartnerId), new { Reason = reason }, cancellationToken);

    public Task WinAsync(Guid owner, Guid opportunityId, decimal finalValue, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, $"/api/opportunities/{opportunityId}/win", tokens.Partner(owner), new { FinalValue = finalValue }, cancellationToken);

    public Task LoseAsync(Guid owner, Guid opportunityId, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, $"/api/opportunities/{opportunityId}/lose", tokens.Partner(owner), null, cancellationToken);

    public Task WithdrawAsync(Guid owner, Guid opportunityId, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, $"/api/opportunities/{opportunityId}/withdraw", tokens.Partner(owner), null, cancellationToken);

    public Task RegisterDealAsync(Guid registrant, string vendorId, string customerName, IReadOnlyList<string> scope,
        Guid? opportunityId, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, "/api/deal-registrations", tokens.Partner(registrant),
            new { VendorId = vendorId, CustomerName = customerName, Scope = scope, OpportunityId = opportunityId }, cancellationToken);

    public Task<IReadOnlyList<ApiDealRegistration>> MyDealRegistrationsAsync(Guid registrant, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<ApiDealRegistration>>(HttpMethod.Get, "/api/deal-registrations", tokens.Partner(registrant), null, cancellationToken);

    /// <returns>False when nothing is payable yet (409): Settlement books rewards shortly after the win.</returns>
    public async Task<bool> ApprovePayoutAsync(string vendorId, Guid partnerId, string currency, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/api/rewards/vendors/{vendorId}/payouts", tokens.Vendor(vendorId),
            new { PartnerId = partnerId, Currency = currency }, cancellationToken, HttpStatusCode.Conflict);
        return response.StatusCode != HttpStatusCode.Conflict;
    }

    private async Task CallAsync(HttpMethod method, string path, string token, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, token, body, cancellationToken);
    }

    private async Task<T> ReadAsync<T>(HttpMethod method, string path, string token, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, token, body, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new DemoApiException(method, path, response.StatusCode, "empty body");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body, CancellationToken cancellationToken,
        HttpStatusCode? tolerated = null, (string Header, string Value)? precondition = null)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
            Content = body is null ? null : JsonContent.Create(body, options: Json),
        };
        if (precondition is var (header, value))
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }
        var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode || response.StatusCode == tolerated)
        {
            return response;
        }
        using (response)
        {
            throw new DemoApiException(method, path, response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    private static string Slug(string name) => new([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
}
