namespace EcosystemMarket.Dashboard.Metrics;

public readonly record struct DataPoint(DateTimeOffset Time, double Value);

/// <summary>Points in time order, kept for the retention period; written by one scraper, read by any page.</summary>
public sealed class TimeSeries(TimeSpan retention)
{
    private readonly List<DataPoint> _points = [];

    public void Add(DateTimeOffset time, double value)
    {
        lock (_points)
        {
            _points.Add(new DataPoint(time, value));
            var expired = _points.FindIndex(p => p.Time >= time - retention);
            if (expired > 0)
            {
                _points.RemoveRange(0, expired);
            }
        }
    }

    public IReadOnlyList<DataPoint> Since(DateTimeOffset from)
    {
        lock (_points)
        {
            return _points.Where(p => p.Time >= from).ToList();
        }
    }

    public DataPoint? Latest
    {
        get
        {
            lock (_points)
            {
                return _points.Count == 0 ? null : _points[^1];
            }
        }
    }

    /// <summary>The value last known at a time: a series that missed a scrape keeps its previous value.</summary>
    public double? ValueAt(DateTimeOffset time)
    {
        lock (_points)
        {
            var index = _points.BinarySearch(new DataPoint(time, 0), ByTime.Instance);
            index = index >= 0 ? index : ~index - 1;
            return index >= 0 ? _points[index].Value : null;
        }
    }

    /// <summary>At most <paramref name="count"/> evenly spread items, always keeping the newest: a chart has only so many pixels.</summary>
    public static IReadOnlyList<T> Thin<T>(IReadOnlyList<T> items, int count)
    {
        if (items.Count <= count)
        {
            return items;
        }
        var stride = (double)(items.Count - 1) / (count - 1);
        return Enumerable.Range(0, count).Select(i => items[(int)Math.Round(i * stride)]).ToList();
    }

    private sealed class ByTime : IComparer<DataPoint>
    {
        public static readonly ByTime Instance = new();
        public int Compare(DataPoint x, DataPoint y) => x.Time.CompareTo(y.Time);
    }
}
