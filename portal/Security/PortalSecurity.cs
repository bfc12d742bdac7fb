using EcosystemMarket.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace EcosystemMarket.Portal.Security;

/// <summary>
/// The portal keeps people signed in with a cookie, its default scheme, holding the access token it calls the
/// gateway with. Three ways in: OpenID Connect against the configured authority (production: <c>Portal:Oidc:*</c>),
/// the development sign-in the app host turns on locally, and a pasted token. ServiceDefaults' fallback policy, now
/// answered by the cookie, sends anyone without one to the sign-in page. The services' bearer scheme stays
/// registered only to check tokens the way the services do.
/// </summary>
public static class PortalSecurity
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";
    public const string OidcPath = "/signin/oidc";
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static WebApplicationBuilder AddPortalSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PortalSignIn>();
        builder.Services.AddSingleton<DevelopmentSignIn>();
        builder.Services.AddScoped<DevelopmentDirectory>();
        builder.Services.AddCascadingAuthenticationState();
        var authentication = builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = SignInPath;
                options.AccessDeniedPath = SignInPath;
                options.Cookie.Name = ".EcosystemMarket.Portal";
                options.Cookie.HttpOnly = true;
                // Lax, not Strict: the identity provider's redirect back is a top-level navigation from another site.
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
            });
        if (OidcSettings.From(builder.Configuration) is { } oidc)
        {
            authentication.AddOpenIdConnect(OidcScheme, options =>
            {
                options.Authority = oidc.Authority;
                options.ClientId = oidc.ClientId;
                options.ClientSecret = oidc.ClientSecret;
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.UsePkce = true;
                options.SaveTokens = false;
                options.CallbackPath = "/signin-oidc";
                options.SignedOutCallbackPath = "/signout-callback-oidc";
                options.Scope.Clear();
                foreach (var scope in oidc.Scopes)
                {
                    options.Scope.Add(scope);
                }
                options.Events.OnTokenResponseReceived = async context =>
                {
                    // The access token is what the services check; the portal's principal is built from it, exactly as
                    // from a pasted token, so a person has the same roles here as in the API.
                    var signIn = context.HttpContext.RequestServices.GetRequiredService<PortalSignIn>();
                    var outcome = await signIn.WithTokenAsync(context.TokenEndpointResponse.AccessToken ?? "", context.HttpContext.RequestAborted);
                    if (outcome.Refusal is { } refusal)
                    {
                        context.Fail(refusal);
                        return;
                    }
                    context.HttpContext.Items[nameof(PortalSecurity)] = outcome;
                };
                options.Events.OnTicketReceived = context =>
                {
                    if (context.HttpContext.Items[nameof(PortalSecurity)] is SignInOutcome { Principal: { } principal } outcome)
                    {
                        context.Principal = principal;
                        context.Properties!.ExpiresUtc = outcome.ExpiresAt;
                    }
                    return Task.CompletedTask;
                };
                options.Events.OnRemoteFailure = context =>
                {
                    context.HandleResponse();
                    context.Response.Redirect($"{SignInPath}?failure={Uri.EscapeDataString(context.Failure?.Message ?? "The sign-in failed.")}");
                    return Task.CompletedTask;
                };
            });
        }
        return builder;
    }

    public static void MapPortalSignIn(this IEndpointRouteBuilder app)
    {
        // SameSite=Lax and the POST keep other sites from signing a person out.
        app.MapPost(SignOutPath, async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect(SignInPath);
        }).ExcludeFromDescription();
        app.MapGet(OidcPath, (string? returnUrl) =>
            TypedResults.Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) }, [OidcScheme]))
            .AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>Only a path of this site: a sign-in link must not become an open redirect.</summary>
    public static string SafeReturnUrl(string? returnUrl) => returnUrl is ['/', not '/' and not '\\', ..] ? returnUrl : "/";
}

/// <summary>
/// The identity provider people sign in at, in production: <c>Portal:Oidc:Authority</c>, <c>ClientId</c>,
/// <c>ClientSecret</c> and <c>Scopes</c> (space-separated; include the API's scope so the access token is one the
/// services accept, with the <c>role</c>, <c>partner_id</c> or <c>vendor_id</c> claims).
/// </summary>
public sealed record OidcSettings(string Authority, string ClientId, string? ClientSecret, IReadOnlyList<string> Scopes)
{
    public static OidcSettings? From(IConfiguration configuration) =>
        configuration["Portal:Oidc:Authority"] is { Length: > 0 } authority
            ? new OidcSettings(authority,
                configuration["Portal:Oidc:ClientId"] ?? throw new InvalidOperationException("Portal:Oidc:ClientId is required with Portal:Oidc:Authority."),
                configuration["Portal:Oidc:ClientSecret"],
                (configuration["Portal:Oidc:Scopes"] ?? "openid profile").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            : null;
}
