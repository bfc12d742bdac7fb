using EcosystemMarket.Brokering.Model;

namespace EcosystemMarket.UnitTests;

public class Program_management_modes
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static readonly ProgramManagement Program = new ProgramManagementRequest(
        new Dictionary<string, string?> { ["msp"] = "sla", ["academia"] = "marketing-pr", ["isv"] = "formal-program" }, 8, " help@vendor.example ")
        .ApplyTo(ProgramManagement.Default("vendor"), Now);

    [Fact]
    public void Each_mode_sets_the_terms_of_an_invitation_and_unlisted_categories_are_a_formal_program()
    {
        Assert.Equal(Now.AddHours(8), Program.Engage("msp", Now).SlaDueAt);
        Assert.Null(Program.Engage("msp", Now).Refused);
        Assert.NotNull(Program.Engage("academia", Now).Refused);
        Assert.Equal(new Engagement(null, null, "formal-program"), Program.Engage("isv", Now));
        Assert.Equal(new Engagement(null, null, "formal-program"), Program.Engage("distributor", Now));
        Assert.Equal(new Engagement(null, null, "formal-program"), Program.Engage(null, Now));
        Assert.Equal(("sla", "marketing-pr"), (Program.Engage("msp", Now).Mode, Program.Engage("academia", Now).Mode));
        // A formal program is the default, so it is not stored; the contact is trimmed; the version moves on.
        Assert.Equal(["academia", "msp"], Program.CategoryModes.Keys);
        Assert.Equal(("help@vendor.example", 1L), (Program.SupportContact, Program.Version));
    }

    [Theory]
    [InlineData("whenever", 8, "categoryModes.isv")]
    [InlineData("sla", 0, "slaResponseHours")]
    [InlineData("sla", 24 * 31, "slaResponseHours")]
    public void Settings_outside_the_modes_and_limits_are_refused_field_by_field(string mode, int hours, string field)
    {
        var errors = new ProgramManagementRequest(new Dictionary<string, string?> { ["isv"] = mode }, hours, null).Validate().ToDictionary();

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void An_answer_after_the_due_time_or_none_past_it_is_a_breach_and_one_in_time_is_not()
    {
        SlaInvitation Invitation(InvitationStatus status, DateTimeOffset? respondedAt) =>
            new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), status, Now, Now.AddDays(7), respondedAt, Now.AddHours(8));
        var inTime = Invitation(InvitationStatus.Accepted, Now.AddHours(7));
        var late = Invitation(InvitationStatus.Declined, Now.AddHours(10));
        var silent = Invitation(InvitationStatus.Pending, null);
        var expired = Invitation(InvitationStatus.Expired, null);
        var later = Now.AddHours(11);

        Assert.Null(inTime.LateBy(later));
        Assert.Equal(TimeSpan.FromHours(2), late.LateBy(later));
        Assert.Equal(TimeSpan.FromHours(3), silent.LateBy(later));
        Assert.Null(silent.LateBy(Now.AddHours(1)));
        Assert.Equal(TimeSpan.FromDays(7) - TimeSpan.FromHours(8), expired.LateBy(later));

        var report = SlaReport.Of(Program, new EcosystemMarket.ServiceDefaults.ReportingPeriod(DateOnly.FromDateTime(Now.UtcDateTime), DateOnly.FromDateTime(Now.UtcDateTime)),
            [inTime, late, silent, expired], later);
        Assert.Equal((4, 1, 3), (report.Invitations, report.AnsweredInTime, report.Breaches));
        Assert.DoesNotContain(report.Items, b => b.InvitationId == inTime.Id);
    }
}
