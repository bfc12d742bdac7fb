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
        invitation.Status != "pending" || invitation.AcceptBy <= now ? InboxSection.Answered
        : invitation.AcceptBy - now <= AboutToExpire ? InboxSection.AboutToExpire
        : InboxSection.New;

    public static string TimeLeft(DateTimeOffset deadline, DateTimeOffset now) =>
        deadline <= now ? "deadline passed" : $"{Format.Duration(deadline - now)} left";

    public static string Utc(DateTimeOffset moment) => moment.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? day) => day?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? Format.None;

    public static string Status(string status) => status switch
    {
        "teaming" => "Teaming",
        _ => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(status),
    };

    public static string Reward(RewardJson reward, string currency) => reward.Kind switch
    {
        "referral-fee" => $"Referral fee {Number(reward.Percent)} %",
        "revenue-share" => $"Revenue share {Number(reward.Percent)} %",
        "fixed-fee" => $"Fixed fee {Format.Money(reward.Amount ?? 0m, currency)}",
        _ => reward.Kind,
    };

    public static string Points(double points) => points.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? Format.None;
}
