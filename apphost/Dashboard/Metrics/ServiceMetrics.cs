namespace EcosystemMarket.Dashboard.Metrics;

/// <summary>One service's scrape status and the figures derived from each pair of consecutive scrapes.</summary>
public sealed class ServiceMetrics(string name, TimeSpan retention)
{
    private TrafficTotals? _previous;
    private DateTimeOffset _previousAt;

    public string Name => name;
    public DateTimeOffset? LastScrapeAt { get; private set; }
    public string? LastError { get; private set; }
    public bool IsUp => LastError is null && LastScrapeAt is not null;

    public TimeSeries RequestRate { get; } = new(retention);
    public TimeSeries ServerErrorShare { get; } = new(retention);
    public TimeSeries ClientErrorShare { get; } = new(retention);
    public TimeSeries LatencyP50 { get; } = new(retention);
    public TimeSeries LatencyP90 { get; } = new(retention);
    public TimeSeries LatencyP99 { get; } = new(retention);
    public TimeSeries ConsumeRate { get; } = new(retention);
    public TimeSeries PublishRate { get; } = new(retention);

    public void Record(DateTimeOffset at, TrafficTotals totals)
    {
        LastScrapeAt = at;
        LastError = null;
        if (_previous is not null)
        {
            var delta = totals.Since(_previous);
            var seconds = (at - _previousAt).TotalSeconds;
            RequestRate.Add(at, delta.Requests / seconds);
            ConsumeRate.Add(at, delta.Consumed / seconds);
            PublishRate.Add(at, delta.Published / seconds);
            if (delta.Requests > 0)
            {
                ServerErrorShare.Add(at, delta.ServerErrors / delta.Requests);
                ClientErrorShare.Add(at, delta.ClientErrors / delta.Requests);
                AddLatency(LatencyP50, at, delta.Quantile(0.50));
                AddLatency(LatencyP90, at, delta.Quantile(0.90));
                AddLatency(LatencyP99, at, delta.Quantile(0.99));
            }
        }
        (_previous, _previousAt) = (totals, at);
    }

    public void RecordFailure(DateTimeOffset at, string error)
    {
        LastScrapeAt = at;
        LastError = error;
    }

    private static void AddLatency(TimeSeries series, DateTimeOffset at, double? seconds)
    {
        if (seconds is { } value)
        {
            series.Add(at, value);
        }
    }
}
