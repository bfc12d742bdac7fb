using System.Globalization;

namespace EcosystemMarket.Portal.Money;

/// <summary>
/// A statement's period as a person picks it: whole days in UTC, both ends included; Settlement is asked from the
/// first day's start to the day after the last. Settlement decides what a period may be (forwards, at most a year).
/// </summary>
public sealed record StatementPeriod(DateOnly From, DateOnly To)
{
    public DateTimeOffset FromInstant => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateTimeOffset ToInstant => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>This month so far, as Settlement's own default.</summary>
    public static StatementPeriod MonthTo(DateOnly today) => new(new DateOnly(today.Year, today.Month, 1), today);

    /// <summary>The days given, the rest from this month so far.</summary>
    public static StatementPeriod Of(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var month = MonthTo(to ?? today);
        return new StatementPeriod(from ?? month.From, to ?? month.To);
    }

    public string FileName(string? currency) =>
        $"statement-{Day(From)}-to-{Day(To)}{(string.IsNullOrEmpty(currency) ? "" : "-" + currency)}.csv";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The portal's own download of this period's statement as CSV.</summary>
    public string DownloadPath(string? currency) =>
        Gateway.GatewayClient.With("money/statement.csv", ("from", Day(From)), ("to", Day(To)), ("currency", currency));
}
