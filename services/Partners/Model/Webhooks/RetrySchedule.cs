namespace EcosystemMarket.Partners.Model.Webhooks;

/// <summary>
/// When a failed delivery is tried again: after each failure the next delay of the schedule, give or take a random
/// tenth (so receivers that come back are not hit by every sender at once); after the last, the delivery has failed.
/// The default spans more than a day: 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h.
/// </summary>
public sealed class RetrySchedule(IReadOnlyList<TimeSpan> delays)
{
    public static readonly RetrySchedule Default = new([
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24),
    ]);

    private const double Jitter = 0.1;

    public IReadOnlyList<TimeSpan> Delays { get; } = delays.Count > 0 ? delays : throw new ArgumentException("A retry schedule needs at least one delay.", nameof(delays));

    /// <summary>Attempts a delivery gets in all: the first and one after each delay.</summary>
    public int MaxAttempts => Delays.Count + 1;

    /// <param name="attempts">Attempts made so far, the failed one included.</param>
    /// <param name="random">A number in [0, 1): the jitter.</param>
    /// <returns>When to try again, or null when the delivery has failed for good.</returns>
    public DateTimeOffset? NextAttempt(int attempts, DateTimeOffset now, double random)
    {
        if (attempts < 1 || attempts > Delays.Count)
        {
            return null;
        }
        var delay = Delays[attempts - 1];
        return now + delay * (1 + Jitter * (2 * random - 1));
    }

    public static RetrySchedule Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Default
            : new RetrySchedule(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(delay => TimeSpan.Parse(delay, System.Globalization.CultureInfo.InvariantCulture)).ToList());
}
