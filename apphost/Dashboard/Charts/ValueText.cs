using System.Globalization;

namespace EcosystemMarket.Dashboard.Charts;

/// <summary>How a figure reads on a page: a share as a percentage, a duration in its natural unit.</summary>
public static class ValueText
{
    public static string Format(double value, ChartFormat format) => format switch
    {
        ChartFormat.Percent => (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %",
        ChartFormat.Rate => value.ToString(value < 10 ? "0.##" : "0.#", CultureInfo.InvariantCulture) + "/s",
        ChartFormat.Seconds => Duration(value),
        _ => value.ToString(Math.Abs(value) < 100 && value % 1 != 0 ? "0.##" : "#,0", CultureInfo.InvariantCulture),
    };

    public static string Format(double? value, ChartFormat format) => value is { } known ? Format(known, format) : "—";

    private static string Duration(double seconds) => seconds switch
    {
        < 1 => (seconds * 1000).ToString("0.#", CultureInfo.InvariantCulture) + " ms",
        < 120 => seconds.ToString("0.#", CultureInfo.InvariantCulture) + " s",
        < 7200 => (seconds / 60).ToString("0.#", CultureInfo.InvariantCulture) + " min",
        < 172800 => (seconds / 3600).ToString("0.#", CultureInfo.InvariantCulture) + " h",
        _ => (seconds / 86400).ToString("0.#", CultureInfo.InvariantCulture) + " d",
    };
}
