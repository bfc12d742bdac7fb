using EcosystemMarket.Portal.Profile;

namespace EcosystemMarket.PortalTests;

public sealed class Profile_form
{
    private static PartnerJson Saved => new(
        Guid.NewGuid(), "Stora Systems", "solution", "isv", "ready", null, ["DE", "FR"], ["retail"],
        [new CapabilityJson("storage.backup", "expert", new EvidenceJson(["Backup Pro"], []))],
        [new CertificationJson("netapp", "Backup Pro", "professional", new DateOnly(2025, 1, 1), null, ["storage.backup"], true, false)],
        ["storage"], [new SolutionJson("Vault", "veeam", ["storage.backup"])],
        ["netapp", "redleaf-linux"], new Dictionary<string, string> { ["netapp"] = "premier" }, [], new CompletenessJson(87, []), true, DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_saved_profile_sent_back_unchanged_is_the_same_profile_with_each_programs_tier()
    {
        var request = ProfileForm.Of(Saved).ToRequest();

        Assert.Equal("Stora Systems", request.Name);
        Assert.Equal(["DE", "FR"], request.Regions);
        Assert.Equal("expert", Assert.Single(request.Capabilities).Proficiency);
        Assert.Equal(new DateOnly(2025, 1, 1), Assert.Single(request.Certifications).IssuedOn);
        Assert.Equal(["netapp", "redleaf-linux"], request.ProgramMemberships);
        Assert.Equal("premier", request.ProgramTiers["netapp"]);
        Assert.Equal("ready", request.ProgramTiers["redleaf-linux"]);
    }

    [Fact]
    public void Picking_capabilities_keeps_the_proficiency_of_those_still_picked_and_empty_program_rows_are_left_out()
    {
        var form = ProfileForm.Of(Saved);
        form.Regions = " de;fr  us ";
        form.Programs.Add(new ProfileForm.ProgramRow { Vendor = "  " });

        form.PickCapabilities(["storage.backup", "security"], "basic");
        var request = form.ToRequest();

        Assert.Equal([("storage.backup", "expert"), ("security", "basic")], request.Capabilities.Select(c => (c.Code, c.Proficiency)));
        Assert.Equal(["DE", "FR", "US"], request.Regions);
        Assert.Equal(2, request.ProgramMemberships.Count);
    }
}
