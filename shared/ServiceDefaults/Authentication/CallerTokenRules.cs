using System.Security.Claims;

namespace EcosystemMarket.ServiceDefaults.Authentication;

/// <summary>
/// What a user's token must say beyond a valid signature: a partner acts for an organisation, a vendor for a program,
/// and a service's token is not a user's. A token that breaks a rule is refused outright (401), rather than let
/// through to endpoints that would each have to notice a partner without a partner.
/// </summary>
public static class CallerTokenRules
{
    /// <returns>Why the token is refused, or null when it may act as a user.</returns>
    public static string? Refusal(ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Service))
        {
            return "A service's token opens only the gRPC API it names as audience.";
        }
        if (user.IsInRole(Roles.Partner) && !Guid.TryParse(user.FindFirst(ClaimNames.PartnerId)?.Value, out _))
        {
            return $"A partner's token must carry {ClaimNames.PartnerId}, the organisation's id (a GUID).";
        }
        if (user.IsInRole(Roles.Vendor) && string.IsNullOrWhiteSpace(user.FindFirst(ClaimNames.VendorId)?.Value))
        {
            return $"A vendor's token must carry {ClaimNames.VendorId}, the program it acts for.";
        }
        return null;
    }
}
