using System.Globalization;
using EcosystemMarket.Portal.Components.Figures;

namespace EcosystemMarket.Portal.Deals;

/// <summary>How opportunities and invitations read on the pages: statuses, rewards, deadlines (in UTC) and time left.</summary>
public static class DealText
{
    public static readonly TimeSpan AboutToExpire = TimeSpan.FromHours(24);

    public enum InboxSection
    {
        New,
        AboutToExpire,
        Answered,
    }

    /// <summary>Pending and due within a day is about to expire; pending past its deadline waits only for the expiry job, so it is done with.</summary>
    public static InboxSection SectionOf(InvitationJson invitation, DateTimeOffset now) =>
        invitation.State != "pending" || invitation.AcceptBy <= now ? InboxSection.Answered
        : invitation.AcceptBy - now <= AboutToExpire ? InboxSection.AboutToExpire
        : InboxSection.New;

    public static string TimeLeft(DateTimeOffset deadline, DateTimeOffset now) =>
        deadline <= now ? "deadline passed" : $"{Format.Duration(deadline - now)} left";

    public static string Utc(DateTimeOffset moment) => moment.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? day) => day?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? Format.None;

    public static string Status(string status) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(status.ToLowerInvariant());

    public static string Reward(RewardJson reward, string currency) => reward.Kind switch
    {
        "referral-fee" => $"Referral fee {Number(reward.Percent)} %",
        "revenue-share" => $"Revenue share {Number(reward.Percent)} %",
        "fixed-fee" => $"Fixed fee {Format.Money(reward.Amount ?? 0m, currency)}",
        _ => reward.Kind,
    };

    /// <summary>A number typed in a field, read in invariant digits ("1500.5"); null when it is not one, so the API says what it needs.</summary>
    public static decimal? Amount(string? typed) =>
        decimal.TryParse(typed?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null;

    public static string Points(double points) => points.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? Format.None;
}
