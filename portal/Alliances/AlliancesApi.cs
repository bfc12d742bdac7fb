using System.Globalization;
using EcosystemMarket.Portal.Deals;
using EcosystemMarket.Portal.Gateway;

namespace EcosystemMarket.Portal.Alliances;

/// <summary>Alliances as the gateway serves them to the signed-in partner: proposals, answers, sharing and the shared pipeline.</summary>
public sealed class AlliancesApi(GatewayClient gateway)
{
    public const int PageSize = 25;

    public Task<GatewayAnswer<PageJson<AllianceSummaryJson>>> MineAsync(string? cursor, CancellationToken cancellationToken) =>
        gateway.GetAsync<PageJson<AllianceSummaryJson>>(GatewayClient.With("api/alliances", ("limit", PageSize.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor)), cancellationToken);

    public Task<GatewayAnswer<AllianceJson>> AllianceAsync(Guid id, CancellationToken cancellationToken) =>
        gateway.GetAsync<AllianceJson>($"api/alliances/{id}", cancellationToken);

    public Task<GatewayAnswer<AllianceJson>> ProposeAsync(ProposeAllianceJson proposal, CancellationToken cancellationToken) =>
        gateway.PostAsync<AllianceJson>("api/alliances", proposal, cancellationToken);

    /// <summary><paramref name="answer"/> is accept, decline or leave.</summary>
    public Task<GatewayAnswer<AllianceJson>> AnswerAsync(Guid id, string answer, CancellationToken cancellationToken) =>
        gateway.PostAsync<AllianceJson>($"api/alliances/{id}/{answer}", null, cancellationToken);

    public Task<GatewayAnswer<PageJson<PipelineEntryJson>>> PipelineAsync(Guid id, string? cursor, CancellationToken cancellationToken) =>
        gateway.GetAsync<PageJson<PipelineEntryJson>>(GatewayClient.With($"api/alliances/{id}/pipeline", ("limit", PageSize.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor)), cancellationToken);

    public Task<GatewayAnswer<AllianceResultsJson>> ResultsAsync(Guid id, CancellationToken cancellationToken) =>
        gateway.GetAsync<AllianceResultsJson>($"api/alliances/{id}/results", cancellationToken);

    public Task<GatewayAnswer<SharedJson>> ShareAsync(Guid alliance, Guid opportunity, CancellationToken cancellationToken) =>
        gateway.PostAsync<SharedJson>($"api/alliances/{alliance}/shared-opportunities", new ShareJson(opportunity), cancellationToken);

    public Task<GatewayAnswer<object>> UnshareAsync(Guid alliance, Guid opportunity, CancellationToken cancellationToken) =>
        gateway.DeleteAsync<object>($"api/alliances/{alliance}/shared-opportunities/{opportunity}", cancellationToken);

    public Task<GatewayAnswer<OpportunitySharingJson>> SharingAsync(Guid opportunity, CancellationToken cancellationToken) =>
        gateway.GetAsync<OpportunitySharingJson>($"api/opportunities/{opportunity}/alliances", cancellationToken);

    /// <summary>Partners whose name (or profile) matches, from the directory's search.</summary>
    public Task<GatewayAnswer<PageJson<PartnerJson>>> SearchPartnersAsync(string term, CancellationToken cancellationToken) =>
        gateway.GetAsync<PageJson<PartnerJson>>(GatewayClient.With("api/partners", ("q", term), ("limit", "10")), cancellationToken);
}
