using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using EcosystemMarket.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace EcosystemMarket.Dashboard.Security;

/// <summary>A sign-in that worked (a principal and how long it holds) or why it was refused.</summary>
public sealed record SignInOutcome(ClaimsPrincipal? Principal, DateTimeOffset? ExpiresAt, string? Refusal)
{
    public static SignInOutcome Refused(string why) => new(null, null, why);
}

/// <summary>Turns a browser token or a pasted JWT into the dashboard's cookie principal.</summary>
public sealed class DashboardSignIn(SignInMethods methods, IOptionsMonitor<JwtBearerOptions> bearerOptions)
{
    /// <summary>The caller's own bearer token, kept in the cookie so that calls to the gateway act as the caller.</summary>
    public const string AccessTokenClaim = "dashboard_access_token";

    public bool Unsecured => methods.Unsecured;
    public bool AcceptsJwt => methods.AcceptsJwt;

    public SignInOutcome WithBrowserToken(string token) =>
        methods.BrowserToken is { } expected && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expected))
            ? new SignInOutcome(Operator("browser-token"), null, null)
            : SignInOutcome.Refused("That sign-in link is not valid (the dashboard may have restarted with a new token).");

    public SignInOutcome WithoutCredentials() => new(Operator("unsecured"), null, null);

    public async Task<SignInOutcome> WithJwtAsync(string token, CancellationToken cancellationToken)
    {
        if (!methods.AcceptsJwt)
        {
            return SignInOutcome.Refused("This dashboard accepts no tokens: neither Jwt:SigningKey nor Jwt:Authority is configured.");
        }
        var bearer = bearerOptions.Get(JwtBearerDefaults.AuthenticationScheme);
        var parameters = bearer.TokenValidationParameters.Clone();
        if (bearer.ConfigurationManager is { } authority)
        {
            var discovered = await authority.GetConfigurationAsync(cancellationToken);
            parameters.ValidIssuers = [.. parameters.ValidIssuers ?? [], discovered.Issuer];
            parameters.IssuerSigningKeys = [.. parameters.IssuerSigningKeys ?? [], .. discovered.SigningKeys];
        }
        var result = await bearer.TokenHandlers[0].ValidateTokenAsync(token.Trim(), parameters);
        if (!result.IsValid)
        {
            return SignInOutcome.Refused($"The token is not valid: {result.Exception?.Message}");
        }
        var identity = new ClaimsIdentity(result.ClaimsIdentity.Claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimNames.Subject, ClaimNames.Role);
        var principal = new ClaimsPrincipal(identity);
        if (!principal.IsAdmin() && principal.VendorId() is null)
        {
            return SignInOutcome.Refused("The dashboard is for vendors and operators: a partner's token does not open it.");
        }
        identity.AddClaim(new Claim(AccessTokenClaim, token.Trim()));
        var expires = result.SecurityToken.ValidTo;
        return new SignInOutcome(principal, expires == DateTime.MinValue ? null : new DateTimeOffset(expires, TimeSpan.Zero), null);
    }

    public static Task SignInAsync(HttpContext context, SignInOutcome outcome) =>
        context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, outcome.Principal!,
            new AuthenticationProperties { ExpiresUtc = outcome.ExpiresAt, IsPersistent = false });

    private static ClaimsPrincipal Operator(string subject) =>
        new(new ClaimsIdentity([new Claim(ClaimNames.Subject, subject), new Claim(ClaimNames.Role, Roles.Admin)],
            CookieAuthenticationDefaults.AuthenticationScheme, ClaimNames.Subject, ClaimNames.Role));
}
