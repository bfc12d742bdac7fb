using EcosystemMarket.Dashboard.Metrics;

namespace EcosystemMarket.Dashboard.Charts;

public enum ChartFormat { Number, Rate, Percent, Seconds }

public sealed record ChartSeries(string Name, IReadOnlyList<DataPoint> Points);

/// <summary>What a line chart draws: its test id, title, lines and how its values read.</summary>
public sealed record ChartModel(string TestId, string Title, IReadOnlyList<ChartSeries> Series, ChartFormat Format);
