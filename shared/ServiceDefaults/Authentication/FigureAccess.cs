using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using EcosystemMarket.Contracts;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.ServiceDefaults.Authentication;

/// <summary>
/// Whose ecosystem figures a caller may read, decided here for every service's <c>/figures</c> endpoint: a vendor
/// user its own program's (naming no vendor means its own; naming another is refused); an administrator the program
/// it names, or the whole ecosystem when it names none; a partner nothing.
/// </summary>
public static class FigureAccess
{
    /// <param name="vendor">The program to compute figures for; null for the whole ecosystem.</param>
    /// <param name="refusal">A 403 problem when the caller may not read what it asked for.</param>
    public static bool TryScopeFigures(this ClaimsPrincipal user, string? requestedVendor, out string? vendor, [NotNullWhen(false)] out ProblemHttpResult? refusal)
    {
        vendor = null;
        refusal = null;
        if (user.IsAdmin())
        {
            vendor = string.IsNullOrEmpty(requestedVendor) ? null : requestedVendor;
            return true;
        }
        if (user.VendorId() is not { } own)
        {
            refusal = Forbidden("Ecosystem figures are for vendors and administrators.", "A partner's token does not open them.");
            return false;
        }
        if (!string.IsNullOrEmpty(requestedVendor) && requestedVendor != own)
        {
            refusal = Forbidden("A vendor reads only its own program's figures.", $"The token acts for '{own}', not '{requestedVendor}'.");
            return false;
        }
        vendor = own;
        return true;
    }

    /// <summary>An administrator's <c>vendor</c> must at least look like a program's id.</summary>
    public static ValidationErrors RequireVendorOrNone(this ValidationErrors errors, string? vendor) =>
        vendor is null || CodeFormats.IsVendor(vendor)
            ? errors
            : errors.Add("vendor", "'vendor' must name a vendor's program (lower-case letters, digits and dashes), or be left out for the whole ecosystem.");

    private static ProblemHttpResult Forbidden(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title, detail: detail);
}
