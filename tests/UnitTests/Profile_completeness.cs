using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Partners.Model;

namespace EcosystemMarket.UnitTests;

public class Profile_completeness
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 9, 0, 0, TimeSpan.Zero);

    private static PartnerProfile Bare => new()
    {
        Name = "Stora Systems", PartnerFunction = "solution", Category = "isv", Tier = "ready", Regions = ["DE"],
        Capabilities = [new CapabilityInput("storage.backup", "advanced")],
    };

    private static CertificationInput Certification(DateOnly? expiresOn) =>
        new("netapp", "Backup Pro", "professional", new DateOnly(2025, 1, 1), expiresOn, ["storage.backup"]);

    private static PartnerProfile Full => Bare with
    {
        Verticals = ["retail"],
        Specializations = ["storage"],
        ProgramMemberships = ["netapp"],
        Certifications = [Certification(null)],
        Solutions = [new SolutionInput("Vault", "veeam", ["storage.backup"])],
    };

    [Fact]
    public void A_profile_with_only_the_required_fields_says_everything_else_is_missing()
    {
        var completeness = ProfileCompleteness.Of(Partner.Register(Guid.NewGuid(), Bare, Now), Today);

        Assert.Equal(12, completeness.Percent);
        Assert.Contains("no certification yet", completeness.Missing);
        Assert.Contains("no solution yet", completeness.Missing);
        Assert.Contains("no vertical yet", completeness.Missing);
        Assert.Contains("no vendor program yet", completeness.Missing);
        Assert.Contains("no certification or solution backs storage.backup", completeness.Missing);
    }

    [Fact]
    public void Only_a_vendors_attestation_completes_a_profile_that_has_everything_else()
    {
        var partner = Partner.Register(Guid.NewGuid(), Full, Now);

        var pending = ProfileCompleteness.Of(partner, Today);
        Assert.Equal(["no claim attested by a vendor yet"], pending.Missing);
        Assert.Equal(87, pending.Percent);

        var attested = partner.Decide(partner.Claims[0].Id, "netapp", attest: true, null, "netapp-admin", Now).Partner;
        Assert.Equal(100, ProfileCompleteness.Of(attested, Today).Percent);
        Assert.Empty(ProfileCompleteness.Of(attested, Today).Missing);
    }

    [Fact]
    public void An_expired_certification_no_longer_counts_and_its_capability_lacks_evidence_unless_a_solution_backs_it()
    {
        var expired = Full with { Certifications = [Certification(Today.AddDays(-1))], Solutions = [] };

        var completeness = ProfileCompleteness.Of(Partner.Register(Guid.NewGuid(), expired, Now), Today);

        Assert.Contains("no valid certification", completeness.Missing);
        Assert.Contains("no certification or solution backs storage.backup", completeness.Missing);
        Assert.DoesNotContain("no certification yet", completeness.Missing);
    }
}
