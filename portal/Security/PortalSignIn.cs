using System.Security.Claims;
using EcosystemMarket.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace EcosystemMarket.Portal.Security;

/// <summary>A sign-in that worked (a principal and how long it holds) or why it was refused.</summary>
public sealed record SignInOutcome(ClaimsPrincipal? Principal, DateTimeOffset? ExpiresAt, string? Refusal)
{
    public static SignInOutcome Refused(string why) => new(null, null, why);
}

/// <summary>
/// Turns a pasted token into the portal's cookie principal, checked exactly as the services check bearer tokens
/// (the JwtBearer options ServiceDefaults configures from <c>Jwt:SigningKey</c> or <c>Jwt:Authority</c>). The token
/// itself rides in the cookie, so that the portal calls the gateway as the signed-in user.
/// </summary>
public sealed class PortalSignIn(IConfiguration configuration, IOptionsMonitor<JwtBearerOptions> bearerOptions)
{
    public const string AccessTokenClaim = "portal_access_token";

    public bool AcceptsTokens { get; } = JwtSettings.From(configuration) is { Authority: not null } or { SigningKey: not null };

    public async Task<SignInOutcome> WithTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (!AcceptsTokens)
        {
            return SignInOutcome.Refused("This portal accepts no tokens: neither Jwt:SigningKey nor Jwt:Authority is configured.");
        }
        token = token.Trim();
        var bearer = bearerOptions.Get(JwtBearerDefaults.AuthenticationScheme);
        var parameters = bearer.TokenValidationParameters.Clone();
        if (bearer.ConfigurationManager is { } authority)
        {
            var discovered = await authority.GetConfigurationAsync(cancellationToken);
            parameters.ValidIssuers = [.. parameters.ValidIssuers ?? [], discovered.Issuer];
            parameters.IssuerSigningKeys = [.. parameters.IssuerSigningKeys ?? [], .. discovered.SigningKeys];
        }
        var result = await bearer.TokenHandlers[0].ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return SignInOutcome.Refused($"The token is not valid: {result.Exception?.Message}");
        }
        var identity = new ClaimsIdentity(result.ClaimsIdentity.Claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimNames.Subject, ClaimNames.Role);
        var principal = new ClaimsPrincipal(identity);
        if (!principal.IsAdmin() && principal.VendorId() is null && principal.PartnerId() is null)
        {
            return SignInOutcome.Refused("This token names no partner organisation, vendor or administrator: the portal has nothing to show it.");
        }
        identity.AddClaim(new Claim(AccessTokenClaim, token));
        var expires = result.SecurityToken.ValidTo;
        return new SignInOutcome(principal, expires == DateTime.MinValue ? null : new DateTimeOffset(expires, TimeSpan.Zero), null);
    }

    public static Task SignInAsync(HttpContext context, SignInOutcome outcome) =>
        context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, outcome.Principal!,
            new AuthenticationProperties { ExpiresUtc = outcome.ExpiresAt, IsPersistent = false });
}
