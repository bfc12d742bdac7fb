using System.Security.Claims;
using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.Portal.Security;

/// <summary>Who is signed in: a partner organisation, a vendor or an administrator.</summary>
public static class Caller
{
    /// <summary>Who is signed in, as the header names them.</summary>
    public static string Describe(ClaimsPrincipal user) =>
        user.VendorId() is { } vendor ? $"Vendor {vendor}"
        : user.IsAdmin() ? "Administrator"
        : user.PartnerId() is { } partner ? $"Partner {partner.ToString()[..8]}…"
        : user.Identity?.Name ?? "";

    public static bool IsPartner(this ClaimsPrincipal user) => user.PartnerId() is not null;

    public static bool IsVendor(this ClaimsPrincipal user) => user.VendorId() is not null;
}
