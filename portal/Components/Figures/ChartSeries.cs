using System.Globalization;
using EcosystemMarket.Contracts.Ecosystem;

namespace EcosystemMarket.Portal.Components.Figures;

/// <summary>One value of a chart, with how it reads (a count, an amount with its currency, a percentage).</summary>
public sealed record ChartPoint(string Group, decimal Value, string Text);

/// <summary>A named set of values drawn in one colour: one per outcome, say, over currencies.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points, string Color)
{
    public static ChartSeries Counts(string name, IReadOnlyList<GroupCount> groups, string color = Palette.Primary) =>
        new(name, groups.Select(g => new ChartPoint(g.Group, g.Count, Format.Count(g.Count))).ToList(), color);

    public static ChartSeries Money(string name, IEnumerable<(string Currency, decimal Amount)> amounts, string color) =>
        new(name, amounts.Select(a => new ChartPoint(a.Currency, a.Amount, Format.Money(a.Amount, a.Currency))).ToList(), color);

    /// <summary>What a screen reader says for the chart: each series' values in words.</summary>
    public static string Describe(string title, IReadOnlyList<ChartSeries> series) =>
        series.All(s => s.Points.Count == 0)
            ? $"{title}: none."
            : $"{title}. " + string.Join("; ", series.Select(s =>
                (series.Count > 1 ? s.Name + ": " : "") + string.Join(", ", s.Points.Select(p => $"{p.Group} {p.Text}")))) + ".";
}

/// <summary>Colours readable on white (3:1 at least) and apart for colour-blind readers (Okabe–Ito based).</summary>
public static class Palette
{
    public const string Primary = "#1d4ed8";
    public const string Good = "#15803d";
    public const string Bad = "#b91c1c";
    public const string Neutral = "#6b7280";
    public const string Amber = "#b45309";
    public const string Purple = "#7e22ce";

    public static string Percent(double? share) => share is { } value ? (value * 100).ToString("0.#", CultureInfo.InvariantCulture) : "";
}
