using System.Security.Claims;

namespace EcosystemMarket.ServiceDefaults.Authentication;

public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string PartnerId = "partner_id";
    public const string VendorId = "vendor_id";
}

public static class Roles
{
    public const string Partner = "partner";
    public const string Vendor = "vendor";
    public const string Admin = "admin";

    /// <summary>Another service of the system calling a gRPC API (never a person, never the REST API).</summary>
    public const string Service = "service";
}

public static class CallerExtensions
{
    /// <summary>The organisation the caller acts for, when it acts for one.</summary>
    public static Guid? PartnerId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(ClaimNames.PartnerId)?.Value, out var id) ? id : null;

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    /// <summary>The vendor whose program a vendor user acts for; null for partners and administrators.</summary>
    public static string? VendorId(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Vendor) && user.FindFirst(ClaimNames.VendorId)?.Value is { Length: > 0 } vendor ? vendor : null;

    /// <summary>True when the caller acts for this vendor's program, or is an administrator.</summary>
    public static bool ActsForVendor(this ClaimsPrincipal user, string vendorId) => user.VendorId() == vendorId || user.IsAdmin();

    /// <summary>True when the caller acts for this partner, or is an administrator.</summary>
    public static bool ActsFor(this ClaimsPrincipal user, Guid partnerId) => user.PartnerId() == partnerId || user.IsAdmin();
}
