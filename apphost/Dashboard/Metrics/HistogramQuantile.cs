namespace EcosystemMarket.Dashboard.Metrics;

/// <summary>
/// A quantile from cumulative histogram buckets (upper bound, count of observations at or below it), interpolated
/// linearly inside the bucket it falls in, as Prometheus' histogram_quantile does.
/// </summary>
public static class HistogramQuantile
{
    public static double? Estimate(IReadOnlyList<(double UpperBound, double Count)> buckets, double quantile)
    {
        var ordered = buckets.OrderBy(b => b.UpperBound).ToList();
        if (ordered.Count == 0 || ordered[^1].Count <= 0)
        {
            return null;
        }
        var rank = quantile * ordered[^1].Count;
        var (lowerBound, lowerCount) = (0.0, 0.0);
        foreach (var (upperBound, count) in ordered)
        {
            if (count >= rank)
            {
                // Observations beyond the last finite bound: the best we can say is that bound.
                if (double.IsPositiveInfinity(upperBound))
                {
                    return lowerBound;
                }
                var inBucket = count - lowerCount;
                return inBucket <= 0 ? upperBound : lowerBound + (upperBound - lowerBound) * (rank - lowerCount) / inBucket;
            }
            (lowerBound, lowerCount) = (upperBound, count);
        }
        return lowerBound;
    }
}
