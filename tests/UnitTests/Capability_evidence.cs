using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Partners.Model;

namespace EcosystemMarket.UnitTests;

public class Capability_evidence
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static CertificationSnapshot Certification(string name, DateOnly issuedOn, DateOnly? expiresOn, params string[] capabilities) => new()
    {
        Vendor = "netapp", Name = name, Level = "professional", IssuedOn = issuedOn, ExpiresOn = expiresOn, Capabilities = capabilities,
    };

    private static SolutionSnapshot Solution(string name, params string[] capabilities) => new() { Name = name, PlatformVendor = "veeam", Capabilities = capabilities };

    [Fact]
    public void A_certification_counts_from_its_issue_date_through_its_expiry_date()
    {
        var certification = Certification("Storage Pro", new DateOnly(2025, 6, 15), new DateOnly(2026, 6, 15), "storage");

        Assert.False(certification.IsValidOn(new DateOnly(2025, 6, 14)));
        Assert.True(certification.IsValidOn(new DateOnly(2025, 6, 15)));
        Assert.True(certification.IsValidOn(Today));
        Assert.False(certification.IsValidOn(Today.AddDays(1)));
    }

    [Fact]
    public void Only_certifications_valid_today_are_evidence()
    {
        CertificationSnapshot[] certifications =
        [
            Certification("Current", new DateOnly(2025, 1, 1), Today, "storage"),
            Certification("Expired yesterday", new DateOnly(2024, 1, 1), Today.AddDays(-1), "storage"),
            Certification("Not yet issued", Today.AddDays(1), null, "storage"),
            Certification("Lifetime", new DateOnly(2020, 1, 1), null, "storage"),
        ];

        var evidence = CapabilityEvidence.For("storage", certifications, [], Today);

        Assert.Equal(["Current", "Lifetime"], evidence.Certifications);
    }

    [Fact]
    public void Evidence_for_a_specific_capability_speaks_for_the_broader_one_but_not_the_reverse()
    {
        CertificationSnapshot[] certifications = [Certification("Backup Expert", new DateOnly(2025, 1, 1), null, "storage.backup")];
        SolutionSnapshot[] solutions = [Solution("General storage refresh", "storage"), Solution("Immutable vault", "storage.backup.immutable")];

        var broad = CapabilityEvidence.For("storage", certifications, solutions, Today);
        var specific = CapabilityEvidence.For("storage.backup", certifications, solutions, Today);

        Assert.Equal(["Backup Expert"], broad.Certifications);
        Assert.Equal(["General storage refresh", "Immutable vault"], broad.Solutions);
        Assert.Equal(["Backup Expert"], specific.Certifications);
        Assert.Equal(["Immutable vault"], specific.Solutions);
    }

    [Fact]
    public void A_code_that_merely_starts_with_the_same_letters_is_not_evidence()
    {
        var evidence = CapabilityEvidence.For("storage", [], [Solution("Storage-adjacent", "storagex")], Today);

        Assert.Empty(evidence.Solutions);
        Assert.True(CapabilityTaxonomy.IsWithin("storage.backup", "storage"));
        Assert.False(CapabilityTaxonomy.IsWithin("storagex", "storage"));
        Assert.False(CapabilityTaxonomy.IsWithin("storage", "storage.backup"));
    }
}
