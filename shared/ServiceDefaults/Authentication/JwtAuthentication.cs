using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace EcosystemMarket.ServiceDefaults.Authentication;

/// <summary>
/// JWT bearer tokens, checked at the gateway and again in every service. In production an OIDC authority
/// (<c>Jwt:Authority</c>) issues them; locally the app host signs development tokens with <c>Jwt:SigningKey</c>.
/// Every endpoint requires a user (partner, vendor, administrator) with the users' audience unless it says otherwise;
/// gRPC services require the <see cref="ServiceIdentity.Policy"/> instead: another service, with this one as audience.
/// </summary>
public static class JwtAuthentication
{
    /// <summary>Clocks of issuer and services may differ this much; more would stretch every token's life.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static IHostApplicationBuilder AddJwtAuthentication(this IHostApplicationBuilder builder)
    {
        var settings = JwtSettings.From(builder.Configuration);
        var serviceAudience = ServiceIdentity.AudienceOf(settings, ServiceIdentity.NameOf(builder.Configuration, builder.Environment));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                Configure(options, settings, settings.Audience);
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        if (CallerTokenRules.Refusal(context.Principal!) is { } refusal)
                        {
                            context.Fail(refusal);
                        }
                        return Task.CompletedTask;
                    },
                };
            })
            .AddJwtBearer(ServiceIdentity.Scheme, options => Configure(options, settings, serviceAudience));

        // The default scheme's user (a bearer token with the users' audience; the portal's cookie): a service's token,
        // checked only by its own scheme, is never that user.
        var user = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(user)
            .SetFallbackPolicy(user)
            .AddPolicy(ServiceIdentity.Policy, policy => policy
                .AddAuthenticationSchemes(ServiceIdentity.Scheme)
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Service)
                .RequireClaim(ClaimNames.Subject));
        return builder;
    }

    private static void Configure(JwtBearerOptions options, JwtSettings settings, string audience)
    {
        options.MapInboundClaims = false;
        options.Audience = audience;
        options.TokenValidationParameters.NameClaimType = ClaimNames.Subject;
        options.TokenValidationParameters.RoleClaimType = ClaimNames.Role;
        options.TokenValidationParameters.ValidAudience = audience;
        options.TokenValidationParameters.ClockSkew = ClockSkew;
        if (settings.Authority is { } authority)
        {
            options.Authority = authority;
            options.RequireHttpsMetadata = authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            options.TokenValidationParameters.ValidIssuer = settings.Issuer;
            options.TokenValidationParameters.IssuerSigningKey = settings.SigningKey
                ?? throw new InvalidOperationException("Configure Jwt:Authority (an OIDC issuer) or Jwt:SigningKey (development tokens).");
        }
    }
}

public sealed record JwtSettings(string Issuer, string Audience, string? Authority, SymmetricSecurityKey? SigningKey)
{
    public const string DevelopmentIssuer = "ecosystemmarket-dev";
    public const string DefaultAudience = "ecosystemmarket";

    public static JwtSettings From(IConfiguration configuration)
    {
        var key = configuration["Jwt:SigningKey"];
        return new JwtSettings(
            configuration["Jwt:Issuer"] ?? DevelopmentIssuer,
            configuration["Jwt:Audience"] ?? DefaultAudience,
            configuration["Jwt:Authority"] is { Length: > 0 } authority ? authority : null,
            string.IsNullOrWhiteSpace(key) ? null : new SymmetricSecurityKey(Convert.FromBase64String(key)));
    }
}
