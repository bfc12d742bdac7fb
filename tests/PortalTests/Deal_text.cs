using EcosystemMarket.Portal.Deals;

namespace EcosystemMarket.PortalTests;

public sealed class Deal_text
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    private static InvitationJson Invitation(string status, TimeSpan dueIn) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "integrator", new RewardJson("referral-fee", 10, null),
            Now + dueIn, status, null, Now.AddDays(-1), null);

    [Fact]
    public void A_pending_invitation_is_new_until_its_last_day_then_about_to_expire_then_done_with_once_its_deadline_passed()
    {
        Assert.Equal(DealText.InboxSection.New, DealText.SectionOf(Invitation("pending", TimeSpan.FromHours(25)), Now));
        Assert.Equal(DealText.InboxSection.AboutToExpire, DealText.SectionOf(Invitation("pending", TimeSpan.FromHours(24)), Now));
        Assert.Equal(DealText.InboxSection.AboutToExpire, DealText.SectionOf(Invitation("pending", TimeSpan.FromMinutes(5)), Now));
        Assert.Equal(DealText.InboxSection.Answered, DealText.SectionOf(Invitation("pending", TimeSpan.Zero), Now));
    }

    [Fact]
    public void An_answered_or_expired_invitation_is_answered_whatever_its_deadline()
    {
        Assert.Equal(DealText.InboxSection.Answered, DealText.SectionOf(Invitation("accepted", TimeSpan.FromHours(2)), Now));
        Assert.Equal(DealText.InboxSection.Answered, DealText.SectionOf(Invitation("declined", TimeSpan.FromDays(3)), Now));
        Assert.Equal(DealText.InboxSection.Answered, DealText.SectionOf(Invitation("expired", TimeSpan.FromHours(-1)), Now));
    }

    [Fact]
    public void Time_left_reads_in_its_two_largest_units_and_says_when_the_deadline_passed()
    {
        Assert.Equal("3 h 20 min left", DealText.TimeLeft(Now.AddMinutes(200), Now));
        Assert.Equal("2 d 1 h left", DealText.TimeLeft(Now.AddHours(49), Now));
        Assert.Equal("deadline passed", DealText.TimeLeft(Now, Now));
    }

    [Fact]
    public void Rewards_say_their_kind_and_a_fixed_fee_its_currency()
    {
        Assert.Equal("Referral fee 7.5 %", DealText.Reward(new RewardJson("referral-fee", 7.5m, null), "USD"));
        Assert.Equal("Revenue share 20 %", DealText.Reward(new RewardJson("revenue-share", 20m, null), "EUR"));
        Assert.Equal("Fixed fee 3,000.00 EUR", DealText.Reward(new RewardJson("fixed-fee", null, 3000m), "EUR"));
    }

    [Fact]
    public void Typed_amounts_are_read_in_invariant_digits_and_anything_else_is_no_amount()
    {
        Assert.Equal(150000.5m, DealText.Amount(" 150000.5 "));
        Assert.Equal(1500m, DealText.Amount("1,500"));
        Assert.Null(DealText.Amount("ten"));
        Assert.Null(DealText.Amount(null));
    }

    [Fact]
    public void Statuses_compare_in_lower_case_whatever_case_the_services_write()
    {
        Assert.Equal(DealText.InboxSection.New, DealText.SectionOf(Invitation("Pending", TimeSpan.FromDays(2)), Now));
        Assert.Equal("Teaming", DealText.Status("Teaming"));
        Assert.Equal("Won", DealText.Status("won"));
    }

    [Fact]
    public void Moments_are_shown_in_utc()
    {
        Assert.Equal("26 Nov 2026 07:30 UTC", DealText.Utc(new DateTimeOffset(2026, 11, 26, 8, 30, 0, TimeSpan.FromHours(1))));
    }
}
