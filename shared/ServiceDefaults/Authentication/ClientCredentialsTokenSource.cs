using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;

namespace EcosystemMarket.ServiceDefaults.Authentication;

/// <summary>
/// Service tokens from the configured OIDC authority (<c>Jwt:Authority</c>) by the OAuth 2.0 client credentials grant:
/// the token endpoint is read once from the authority's discovery document; the client authenticates with
/// <c>Jwt:ClientId</c> / <c>Jwt:ClientSecret</c> (HTTP Basic, RFC 6749 §2.3.1) and asks for the callee as
/// <c>audience</c>; <c>Jwt:ServiceScope</c>, when set, is sent as the scope with "{audience}" replaced (Entra ID wants
/// "api://{audience}/.default"). The authority must put role <c>service</c> in these tokens.
/// </summary>
public sealed class ClientCredentialsTokenSource(HttpClient http, string authority, string clientId, string clientSecret, string? scopeFormat, TimeProvider clock)
    : IServiceTokenSource
{
    /// <summary>Assumed when the authority's answer has no expires_in; short, so a wrong guess costs little.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    private Uri? _tokenEndpoint;

    public async Task<ServiceToken> AcquireAsync(string audience, CancellationToken cancellationToken)
    {
        var endpoint = _tokenEndpoint ??= await DiscoverTokenEndpointAsync(cancellationToken);
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["audience"] = audience };
        if (!string.IsNullOrWhiteSpace(scopeFormat))
        {
            form["scope"] = scopeFormat.Replace("{audience}", audience, StringComparison.Ordinal);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}")));

        var issuedAt = clock.GetUtcNow();
        using var response = await http.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken);
        if (!response.IsSuccessStatusCode || answer?.AccessToken is not { Length: > 0 } token)
        {
            throw new InvalidOperationException($"The authority refused a service token for '{audience}' ({(int)response.StatusCode}): " +
                $"{answer?.Error ?? "no access_token"} {answer?.ErrorDescription}".TrimEnd());
        }
        var lifetime = answer.ExpiresIn is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : DefaultLifetime;
        return new ServiceToken(token, issuedAt, issuedAt + lifetime);
    }

    private async Task<Uri> DiscoverTokenEndpointAsync(CancellationToken cancellationToken)
    {
        var discovery = new Uri($"{authority.TrimEnd('/')}/.well-known/openid-configuration");
        var document = await http.GetFromJsonAsync<DiscoveryDocument>(discovery, cancellationToken);
        return Uri.TryCreate(document?.TokenEndpoint, UriKind.Absolute, out var endpoint)
            ? endpoint
            : throw new InvalidOperationException($"{discovery} names no token_endpoint.");
    }

    private sealed record DiscoveryDocument([property: JsonPropertyName("token_endpoint")] string? TokenEndpoint);

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? ErrorDescription);
}
