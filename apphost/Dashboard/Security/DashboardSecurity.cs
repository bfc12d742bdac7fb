using EcosystemMarket.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace EcosystemMarket.Dashboard.Security;

/// <summary>
/// Who may look: the operator (the browser token the app host prints, or an admin token) sees everything; a vendor
/// user, signed in with its own token, sees its own program's figures. A sign-in becomes a cookie; every page but
/// the sign-in page needs one.
/// </summary>
public static class DashboardSecurity
{
    public const string OperatorPolicy = "operator";
    public const string SignInPath = "/login";
    public const string DeniedPath = "/denied";

    public static WebApplicationBuilder AddDashboardSecurity(this WebApplicationBuilder builder)
    {
        var methods = SignInMethods.From(builder.Configuration);
        if (!methods.Any)
        {
            throw new InvalidOperationException(
                "The dashboard cannot sign anyone in. Configure Dashboard:Frontend:BrowserToken (the operator's sign-in link), " +
                "Jwt:SigningKey or Jwt:Authority (vendors' and administrators' tokens, as the services check them), " +
                "or set Dashboard:Unsecured=true to serve it to anyone who can reach it.");
        }
        if (methods.AcceptsJwt)
        {
            // The services' own bearer settings, used here only to check a pasted token at sign-in.
            builder.AddJwtAuthentication();
        }

        builder.Services.AddSingleton(methods);
        builder.Services.AddSingleton<DashboardSignIn>();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = SignInPath;
                options.AccessDeniedPath = DeniedPath;
                options.Cookie.Name = ".EcosystemMarket.Dashboard";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OperatorPolicy, policy => policy.RequireRole(Roles.Admin))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    public static WebApplication MapDashboardSignIn(this WebApplication app)
    {
        // SameSite=Strict keeps other sites from posting here with the cookie.
        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(SignInPath);
        });
        return app;
    }
}
