using EcosystemMarket.Portal.Gateway;

namespace EcosystemMarket.Portal.Deals;

/// <summary>Opportunities, suggestions, invitations and deal registrations, as the gateway serves them to the signed-in partner.</summary>
public sealed class DealsApi(GatewayClient gateway)
{
    public const int PageSize = 25;

    public Task<GatewayAnswer<PageJson<OpportunityJson>>> MyOpportunitiesAsync(string? cursor, CancellationToken cancellationToken) =>
        gateway.GetAsync<PageJson<OpportunityJson>>(GatewayClient.With("api/opportunities", ("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("cursor", cursor)), cancellationToken);

    public Task<GatewayAnswer<OpportunityJson>> OpportunityAsync(Guid id, CancellationToken cancellationToken) =>
        gateway.GetAsync<OpportunityJson>($"api/opportunities/{id}", cancellationToken);

    public Task<GatewayAnswer<OpportunityJson>> PostAsync(PostOpportunityJson opportunity, CancellationToken cancellationToken) =>
        gateway.PostAsync<OpportunityJson>("api/opportunities", opportunity, cancellationToken);

    public Task<GatewayAnswer<SuggestionsJson>> SuggestionsAsync(Guid id, CancellationToken cancellationToken) =>
        gateway.GetAsync<SuggestionsJson>($"api/opportunities/{id}/suggestions?limit=10", cancellationToken);

    public Task<GatewayAnswer<InvitationJson>> InviteAsync(Guid id, InviteJson invitation, CancellationToken cancellationToken) =>
        gateway.PostAsync<InvitationJson>($"api/opportunities/{id}/invitations", invitation, cancellationToken);

    public Task<GatewayAnswer<List<InvitationJson>>> SentInvitationsAsync(Guid id, CancellationToken cancellationToken) =>
        gateway.GetAsync<List<InvitationJson>>($"api/opportunities/{id}/invitations", cancellationToken);

    public Task<GatewayAnswer<TeamJson>> TeamAsync(Guid id, CancellationToken cancellationToken) =>
        gateway.GetAsync<TeamJson>($"api/opportunities/{id}/team", cancellationToken);

    public Task<GatewayAnswer<OpportunityJson>> MoveAsync(Guid id, string move, object? body, CancellationToken cancellationToken) =>
        gateway.PostAsync<OpportunityJson>($"api/opportunities/{id}/{move}", body, cancellationToken);

    public Task<GatewayAnswer<PageJson<InvitationJson>>> ReceivedInvitationsAsync(string? cursor, int limit, CancellationToken cancellationToken) =>
        gateway.GetAsync<PageJson<InvitationJson>>(GatewayClient.With("api/invitations", ("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("cursor", cursor)), cancellationToken);

    public Task<GatewayAnswer<InvitationJson>> InvitationAsync(Guid id, CancellationToken cancellationToken) =>
        gateway.GetAsync<InvitationJson>($"api/invitations/{id}", cancellationToken);

    public Task<GatewayAnswer<InvitationJson>> AcceptAsync(Guid invitation, CancellationToken cancellationToken) =>
        gateway.PostAsync<InvitationJson>($"api/invitations/{invitation}/accept", null, cancellationToken);

    public Task<GatewayAnswer<InvitationJson>> DeclineAsync(Guid invitation, string reason, CancellationToken cancellationToken) =>
        gateway.PostAsync<InvitationJson>($"api/invitations/{invitation}/decline", new DeclineJson(reason), cancellationToken);

    public Task<GatewayAnswer<DealRegistrationJson>> RegisterDealAsync(RegisterDealJson registration, CancellationToken cancellationToken) =>
        gateway.PostAsync<DealRegistrationJson>("api/deal-registrations", registration, cancellationToken);

    public Task<GatewayAnswer<List<DealRegistrationJson>>> MyRegistrationsAsync(CancellationToken cancellationToken) =>
        gateway.GetAsync<List<DealRegistrationJson>>("api/deal-registrations", cancellationToken);

    public Task<GatewayAnswer<PartnerJson>> PartnerAsync(Guid id, CancellationToken cancellationToken) =>
        gateway.GetAsync<PartnerJson>($"api/partners/{id}", cancellationToken);

    /// <summary>
    /// The caller's invitation to an opportunity, found in its inbox (newest first): the page an invitee opens by the
    /// opportunity's address needs it to accept or decline.
    /// </summary>
    public async Task<GatewayAnswer<InvitationJson>> ReceivedInvitationToAsync(Guid opportunity, CancellationToken cancellationToken)
    {
        string? cursor = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var page = await ReceivedInvitationsAsync(cursor, 100, cancellationToken);
            if (!page.Succeeded)
            {
                return new GatewayAnswer<InvitationJson>(default, page.Status, page.Problem);
            }
            if (page.Value!.Items.FirstOrDefault(i => i.OpportunityId == opportunity) is { } found)
            {
                return new GatewayAnswer<InvitationJson>(found, page.Status, null);
            }
            if ((cursor = page.Value.NextCursor) is null)
            {
                break;
            }
        }
        return new GatewayAnswer<InvitationJson>(default, System.Net.HttpStatusCode.NotFound, "You have no invitation to this opportunity.");
    }
}
