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
/// Every endpoint requires an authenticated caller unless it says otherwise.
/// </summary>
public static class JwtAuthentication
{
    public static IHostApplicationBuilder AddJwtAuthentication(this IHostApplicationBuilder builder)
    {
        var settings = JwtSettings.From(builder.Configuration);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<ForwardAuthorizationHandler>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.Audience = settings.Audience;
                options.TokenValidationParameters.NameClaimType = ClaimNames.Subject;
                options.TokenValidationParameters.RoleClaimType = ClaimNames.Role;
                options.TokenValidationParameters.ValidAudience = settings.Audience;
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
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
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
