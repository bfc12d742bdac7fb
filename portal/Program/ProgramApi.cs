using System.Globalization;
using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.Portal.Gateway;
using static EcosystemMarket.Portal.Gateway.GatewayClient;

namespace EcosystemMarket.Portal.Program;

/// <summary>A vendor's program through the gateway: the claims addressed to it, their decisions, its deal registrations.</summary>
public sealed class ProgramApi(GatewayClient gateway)
{
    /// <summary>The largest page the services give (ServiceDefaults' Paging.MaxLimit).</summary>
    public const int PageSize = 200;

    public Task<GatewayAnswer<ApiPage<ProgramClaim>>> ClaimsAsync(string vendor, string state, string? cursor, CancellationToken cancellationToken, int limit = PageSize) =>
        gateway.GetAsync<ApiPage<ProgramClaim>>(With($"api/partners/vendors/{Uri.EscapeDataString(vendor)}/claims",
            ("state", state), ("limit", limit.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor)), cancellationToken);

    /// <summary>Every claim in one state, page after page; the answer of the first page that failed otherwise.</summary>
    public async Task<GatewayAnswer<IReadOnlyList<ProgramClaim>>> AllClaimsAsync(string vendor, string state, CancellationToken cancellationToken)
    {
        var all = new List<ProgramClaim>();
        string? cursor = null;
        do
        {
            var page = await ClaimsAsync(vendor, state, cursor, cancellationToken);
            if (page.Value is not { } value)
            {
                return new GatewayAnswer<IReadOnlyList<ProgramClaim>>(null, page.Status, page.Problem);
            }
            all.AddRange(value.Items);
            cursor = value.NextCursor;
        }
        while (cursor is not null);
        return new GatewayAnswer<IReadOnlyList<ProgramClaim>>(all, System.Net.HttpStatusCode.OK, null);
    }

    public Task<GatewayAnswer<ProgramClaim>> AttestAsync(ProgramClaim claim, CancellationToken cancellationToken) =>
        gateway.PostAsync<ProgramClaim>($"api/partners/{claim.PartnerId}/claims/{claim.Id}/attest", null, cancellationToken);

    public Task<GatewayAnswer<ProgramClaim>> RejectAsync(ProgramClaim claim, string reason, CancellationToken cancellationToken) =>
        gateway.PostAsync<ProgramClaim>($"api/partners/{claim.PartnerId}/claims/{claim.Id}/reject", new ReasonRequest(reason), cancellationToken);

    public Task<GatewayAnswer<ClaimHistory>> HistoryAsync(Guid partnerId, Guid claimId, CancellationToken cancellationToken) =>
        gateway.GetAsync<ClaimHistory>($"api/partners/{partnerId}/claims/{claimId}/history", cancellationToken);

    /// <summary>The caller's program's registrations, conflicts included: the services list them to the program's vendor only.</summary>
    public Task<GatewayAnswer<IReadOnlyList<ProgramRegistration>>> RegistrationsAsync(CancellationToken cancellationToken) =>
        gateway.GetAsync<IReadOnlyList<ProgramRegistration>>("api/deal-registrations", cancellationToken);

    public Task<GatewayAnswer<ProgramRegistration>> ApproveAsync(Guid registrationId, CancellationToken cancellationToken) =>
        gateway.PostAsync<ProgramRegistration>($"api/deal-registrations/{registrationId}/approve", null, cancellationToken);

    public Task<GatewayAnswer<ProgramRegistration>> RejectRegistrationAsync(Guid registrationId, string reason, CancellationToken cancellationToken) =>
        gateway.PostAsync<ProgramRegistration>($"api/deal-registrations/{registrationId}/reject", new ReasonRequest(reason), cancellationToken);

    public Task<GatewayAnswer<PartnerName>> PartnerAsync(Guid partnerId, CancellationToken cancellationToken) =>
        gateway.GetAsync<PartnerName>($"api/partners/{partnerId}", cancellationToken);

    /// <summary>The programs an administrator can pick: those with members in the directory and those with a reward program.</summary>
    public async Task<IReadOnlyList<ProgramSummary>> ProgramsAsync(CancellationToken cancellationToken)
    {
        var partners = gateway.GetAsync<PartnerFigures>("api/partners/figures", cancellationToken);
        var rewards = gateway.GetAsync<RewardFigures>("api/rewards/figures", cancellationToken);
        return ProgramList.Of((await partners).Value, (await rewards).Value);
    }
}
