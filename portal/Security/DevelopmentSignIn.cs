using System.Net.Http.Json;
using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.Portal.Security;

/// <summary>
/// Locally, a person picks who to be (a partner organisation, a vendor or an administrator) instead of signing in
/// at an identity provider. The token is minted with the development signing key the app host generated and gave
/// every resource (<c>Jwt:SigningKey</c>); only the app host turns this on (<c>Portal:DevelopmentSignIn</c>), and
/// never where an authority issues the tokens.
/// </summary>
public sealed class DevelopmentSignIn(IConfiguration configuration)
{
    public const string EnabledKey = "Portal:DevelopmentSignIn";

    private readonly string? _signingKey = configuration.GetValue<bool>(EnabledKey) && JwtSettings.From(configuration).Authority is null
        && configuration["Jwt:SigningKey"] is { Length: > 0 } key
            ? key
            : null;

    public bool Enabled => _signingKey is not null;

    public string TokenForPartner(Guid partnerId) => Mint(Roles.Partner, partnerId: partnerId);

    public string TokenForVendor(string vendorId) => Mint(Roles.Vendor, vendorId: vendorId);

    public string TokenForAdministrator() => Mint(Roles.Admin);

    private string Mint(string role, Guid? partnerId = null, string? vendorId = null) =>
        DevelopmentTokens.Create(_signingKey ?? throw new InvalidOperationException("Development sign-in is off."), role, partnerId, vendorId);
}

/// <summary>Whom the development sign-in offers: the directory's partners and the programs that have members.</summary>
public sealed class DevelopmentDirectory(IHttpClientFactory clients, DevelopmentSignIn signIn)
{
    public sealed record Choice(string Value, string Label);

    public async Task<(IReadOnlyList<Choice> Partners, IReadOnlyList<Choice> Vendors)> ReadAsync(CancellationToken cancellationToken)
    {
        if (!signIn.Enabled)
        {
            return ([], []);
        }
        using var http = clients.CreateClient(nameof(Gateway.GatewayClient));
        http.DefaultRequestHeaders.Authorization = new("Bearer", signIn.TokenForAdministrator());
        try
        {
            var partners = http.GetFromJsonAsync<PartnerPage>("api/partners?limit=200", Gateway.GatewayClient.Json, cancellationToken);
            var figures = http.GetFromJsonAsync<Contracts.Ecosystem.PartnerFigures>("api/partners/figures", Gateway.GatewayClient.Json, cancellationToken);
            return (
                (await partners)?.Items.Select(p => new Choice(p.Id.ToString(), $"{p.Name} ({p.Category})")).ToList() ?? [],
                (await figures)?.Programs.Select(p => new Choice(p.Group, $"{p.Group} ({p.Count} members)")).ToList() ?? []);
        }
        catch (HttpRequestException)
        {
            // The directory is not up yet: a new organisation or a typed vendor id still work.
            return ([], []);
        }
    }

    private sealed record PartnerPage(IReadOnlyList<PartnerItem> Items);

    private sealed record PartnerItem(Guid Id, string Name, string Category);
}
