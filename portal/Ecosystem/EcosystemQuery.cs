using System.Security.Claims;
using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.Portal.Ecosystem;

/// <summary>
/// What the ecosystem page shows: the last <see cref="Days"/> days (30, 90 or 365, the windows relationship health is
/// kept for) of one program, or of the whole ecosystem (<see cref="Vendor"/> null). A vendor always sees its own
/// program, whatever the address asks for; an administrator the program it picks, or all.
/// </summary>
public sealed record EcosystemQuery(int Days, string? Vendor)
{
    public const int DefaultDays = 90;

    public static IReadOnlyList<int> Periods => RelationshipsView.Windows;

    public static EcosystemQuery For(ClaimsPrincipal user, int? days, string? vendor) => new(
        days is { } asked && Periods.Contains(asked) ? asked : DefaultDays,
        user.IsAdmin() ? (string.IsNullOrWhiteSpace(vendor) ? null : vendor.Trim()) : user.VendorId());

    /// <summary>Whole UTC days up to and including today.</summary>
    public (DateOnly From, DateOnly To) PeriodEnding(DateOnly today) => (today.AddDays(1 - Days), today);
}
