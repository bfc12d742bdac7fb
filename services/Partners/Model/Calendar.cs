namespace EcosystemMarket.Partners.Model;

public static class Calendar
{
    /// <summary>Certifications are dated, not timed: one UTC day everywhere, so every replica and consumer agrees on "today".</summary>
    public static DateOnly TodayUtc(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
