using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace EcosystemMarket.Portal.Security;

/// <summary>
/// People sign in by pasting a token; the portal keeps them signed in with a cookie, its default scheme. The
/// services' bearer scheme (from ServiceDefaults) stays registered only to check pasted tokens, and ServiceDefaults'
/// fallback policy, now answered by the cookie, sends anyone without one to the sign-in page.
/// </summary>
public static class PortalSecurity
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";

    public static WebApplicationBuilder AddPortalSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PortalSignIn>();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = SignInPath;
                options.AccessDeniedPath = SignInPath;
                options.Cookie.Name = ".EcosystemMarket.Portal";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
            });
        return builder;
    }

    public static IEndpointConventionBuilder MapSignOut(this IEndpointRouteBuilder app) =>
        // SameSite=Strict keeps other sites from posting here with the cookie.
        app.MapPost(SignOutPath, async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect(SignInPath);
        }).ExcludeFromDescription();
}
