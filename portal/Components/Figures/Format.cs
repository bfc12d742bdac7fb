using System.Globalization;

namespace EcosystemMarket.Portal.Components.Figures;

/// <summary>How figures read on the page: invariant digits, a dash for "nothing to say".</summary>
public static class Format
{
    public const string None = "—";

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Money(decimal amount, string currency) => $"{amount.ToString("N2", CultureInfo.InvariantCulture)} {currency}";

    public static string Percent(double? share) => share is { } value ? (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : None;

    /// <summary>The two largest units: "45 s", "12 min 5 s", "3 h 20 min", "4 d 6 h".</summary>
    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => None,
        { TotalMinutes: < 1 } d => $"{(int)d.TotalSeconds} s",
        { TotalHours: < 1 } d => $"{d.Minutes} min {d.Seconds} s",
        { TotalDays: < 1 } d => $"{d.Hours} h {d.Minutes} min",
        var d => $"{(int)d.Value.TotalDays} d {d.Value.Hours} h",
    };

    /// <summary>A bar's length as a CSS percentage of the largest in its table.</summary>
    public static string BarWidth(long value, long largest) =>
        (largest <= 0 ? 0 : 100.0 * value / largest).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
