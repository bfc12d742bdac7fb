using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EcosystemMarket.ServiceDefaults.Authentication;

/// <summary>Signs tokens with the local signing key, in the shape an OIDC provider would issue them.</summary>
public static class DevelopmentTokens
{
    public static string Create(string base64SigningKey, string role, Guid? partnerId = null, string? vendorId = null, TimeSpan? lifetime = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimNames.Subject, $"{role}-{partnerId?.ToString() ?? vendorId ?? "user"}"),
            new(ClaimNames.Role, role),
        };
        if (partnerId is { } partner)
        {
            claims.Add(new Claim(ClaimNames.PartnerId, partner.ToString()));
        }
        if (vendorId is not null)
        {
            claims.Add(new Claim(ClaimNames.VendorId, vendorId));
        }

        var key = new SymmetricSecurityKey(Convert.FromBase64String(base64SigningKey));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = JwtSettings.DevelopmentIssuer,
            Audience = JwtSettings.DefaultAudience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow + (lifetime ?? TimeSpan.FromHours(12)),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A service's token for calling <paramref name="audience"/>: role <c>service</c>, the caller's name as subject.</summary>
    public static string CreateService(string base64SigningKey, string caller, string audience, DateTimeOffset issuedAt, TimeSpan lifetime, string issuer = JwtSettings.DevelopmentIssuer) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim(ClaimNames.Subject, caller), new Claim(ClaimNames.Role, Roles.Service)]),
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = (issuedAt + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(base64SigningKey)), SecurityAlgorithms.HmacSha256),
        });

    public static string NewSigningKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
