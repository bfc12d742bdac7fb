namespace EcosystemMarket.Dashboard.Charts;

/// <summary>The spans a chart can show; none longer than the retention.</summary>
public sealed record TimeWindow(string Label, TimeSpan Span)
{
    public static readonly IReadOnlyList<TimeWindow> All =
    [
        new("5 min", TimeSpan.FromMinutes(5)),
        new("15 min", TimeSpan.FromMinutes(15)),
        new("1 h", TimeSpan.FromHours(1)),
        new("3 h", TimeSpan.FromHours(3)),
    ];

    public static readonly TimeWindow Default = All[0];

    public static IReadOnlyList<TimeWindow> Within(TimeSpan retention) =>
        All.Where(w => w.Span <= retention).DefaultIfEmpty(All[0]).ToList();
}
