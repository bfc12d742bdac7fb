using System.Security.Claims;
using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.Portal.Security;

public static class Caller
{
    /// <summary>Who is signed in, as the header names them.</summary>
    public static string Describe(ClaimsPrincipal user) =>
        user.VendorId() is { } vendor ? $"Vendor {vendor}" : user.IsAdmin() ? "Administrator" : user.Identity?.Name ?? "";
}
