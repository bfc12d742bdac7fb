namespace EcosystemMarket.MatchingBenchmark;

/// <summary>Draws index i (0-based rank) with probability proportional to 1 / (i + 1)^s.</summary>
public sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int count, double exponent)
    {
        _cumulative = new double[count];
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            total += 1 / Math.Pow(i + 1, exponent);
            _cumulative[i] = total;
        }
    }

    public int Count => _cumulative.Length;

    /// <summary>The probability of drawing rank <paramref name="rank"/>.</summary>
    public double Probability(int rank) => (_cumulative[rank] - (rank == 0 ? 0 : _cumulative[rank - 1])) / _cumulative[^1];

    public int Next(Random random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }
}
