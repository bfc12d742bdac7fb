using System.Globalization;
using System.Security.Claims;
using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.Portal.Ecosystem;

/// <summary>
/// What the ecosystem page shows: the whole UTC days <see cref="From"/> to <see cref="To"/> of one program, or of the
/// whole ecosystem (<see cref="Vendor"/> null). A vendor always sees its own program, whatever the address asks for;
/// an administrator the program it picks, or all. <see cref="CallerIsVendor"/>: the program is the caller's own, so
/// what only its vendor may read (its deal registrations) is shown too.
/// </summary>
public sealed record EcosystemQuery(DateOnly From, DateOnly To, string? Vendor, bool CallerIsVendor)
{
    public const int DefaultDays = 90;
    public const int LongestDays = 366 * 5;

    /// <summary>The presets offered: the windows relationship health is kept for.</summary>
    public static IReadOnlyList<int> Periods => RelationshipsView.Windows;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The days of a preset, when the period is one ending today; null for a period chosen by its dates.</summary>
    public int? PresetDays(DateOnly today) => To == today && Periods.Contains(Days) ? Days : null;

    /// <summary>
    /// Matching keeps relationship health for 30, 90 and 365 days back from now, not for any period: the smallest
    /// window that covers the period's start (the longest when none does).
    /// </summary>
    public int RelationshipWindow(DateOnly today) =>
        Periods.FirstOrDefault(window => today.AddDays(1 - window) <= From, Periods[^1]);

    /// <summary>
    /// The period asked for: from/to dates (yyyy-MM-dd, to defaulting to today) when given and sensible, else the last
    /// <paramref name="days"/> (one of the presets) or <see cref="DefaultDays"/> days up to today.
    /// </summary>
    public static EcosystemQuery For(ClaimsPrincipal user, DateOnly today, int? days, string? from, string? to, string? vendor)
    {
        var (start, end) = (Date(from), Date(to) ?? today);
        if (end > today)
        {
            end = today;
        }
        if (start is not { } first || first > end || end.DayNumber - first.DayNumber >= LongestDays)
        {
            var preset = days is { } asked && Periods.Contains(asked) ? asked : DefaultDays;
            (first, end) = (today.AddDays(1 - preset), today);
        }
        var own = user.VendorId();
        return new EcosystemQuery(first, end, user.IsAdmin() ? (string.IsNullOrWhiteSpace(vendor) ? null : vendor.Trim()) : own, own is not null);
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
