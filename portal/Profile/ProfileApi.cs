using EcosystemMarket.Portal.Gateway;

namespace EcosystemMarket.Portal.Profile;

/// <summary>The partner's own profile (Partners), the vocabularies it chooses from, and what Brokering suggested it for.</summary>
public sealed class ProfileApi(GatewayClient gateway)
{
    public Task<GatewayAnswer<PartnerJson>> PartnerAsync(Guid id, CancellationToken cancellationToken) =>
        gateway.GetAsync<PartnerJson>($"api/partners/{id}", cancellationToken);

    public Task<GatewayAnswer<TaxonomyJson>> TaxonomyAsync(CancellationToken cancellationToken) =>
        gateway.GetAsync<TaxonomyJson>("api/partners/taxonomy", cancellationToken);

    public Task<GatewayAnswer<PartnerJson>> RegisterAsync(ProfileRequest profile, CancellationToken cancellationToken) =>
        gateway.PostAsync<PartnerJson>("api/partners", profile, cancellationToken);

    public Task<GatewayAnswer<PartnerJson>> UpdateAsync(Guid id, ProfileRequest profile, string etag, CancellationToken cancellationToken) =>
        gateway.PutAsync<PartnerJson>($"api/partners/{id}", profile, etag, cancellationToken);

    public Task<GatewayAnswer<PageJson<SuggestedJson>>> SuggestedAsync(string? cursor, int limit, CancellationToken cancellationToken) =>
        gateway.GetAsync<PageJson<SuggestedJson>>(
            GatewayClient.With("api/opportunities/suggested", ("cursor", cursor), ("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            cancellationToken);
}
