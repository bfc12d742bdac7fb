using System.Globalization;
using EcosystemMarket.ServiceDefaults.Problems;

namespace EcosystemMarket.ServiceDefaults;

/// <summary>Whole UTC days, <see cref="From"/> to <see cref="To"/> inclusive: the period a vendor's figures cover.</summary>
public sealed record ReportingPeriod(DateOnly From, DateOnly To)
{
    public const int DefaultDays = 90;
    public const int MaxDays = 366;

    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first moment after the period.</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>
    /// The period a request names: dates as <c>yyyy-MM-dd</c>; without <c>to</c> it ends today, without <c>from</c> it
    /// spans the <see cref="DefaultDays"/> days up to <c>to</c>. Null, with the reasons in <paramref name="errors"/>, when
    /// a date does not parse, <c>from</c> is after <c>to</c>, or it spans more than <see cref="MaxDays"/> days.
    /// </summary>
    public static ReportingPeriod? Parse(string? from, string? to, DateOnly today, ValidationErrors errors)
    {
        var end = ParseDate("to", to, errors) ?? today;
        var start = ParseDate("from", from, errors) ?? end.AddDays(1 - DefaultDays);
        if (!errors.IsValid)
        {
            return null;
        }
        if (start > end)
        {
            errors.Add("from", $"'from' ({start:yyyy-MM-dd}) must not be after 'to' ({end:yyyy-MM-dd}).");
            return null;
        }
        if (end.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            errors.Add("to", $"A period spans at most {MaxDays} days.");
            return null;
        }
        return new ReportingPeriod(start, end);
    }

    private static DateOnly? ParseDate(string field, string? text, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add(field, $"'{field}' must be a date such as '2026-03-31'.");
        return null;
    }
}
