using EcosystemMarket.Partners.Model;
using EcosystemMarket.Settlement.Infrastructure;

namespace EcosystemMarket.UnitTests;

public class Vendor_attested_claims
{
    private static readonly Guid Id = Guid.Parse("0c6f7a56-3a1e-4a39-9f4e-1d5b2f0a9c11");
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Tuesday = Monday.AddDays(1);

    private static readonly CertificationInput NetAppCertification =
        new("netapp", "NetApp Certified Storage Associate", "associate", new DateOnly(2024, 1, 15), new DateOnly(2027, 1, 15), ["storage.san"]);

    private static readonly PartnerProfile Profile = new()
    {
        Name = "Fabrikam",
        PartnerFunction = "sales",
        Category = "solution-reseller",
        Tier = "advanced",
        Regions = ["US"],
        Capabilities = [new("storage", "expert")],
        Certifications = [NetAppCertification],
        ProgramMemberships = ["netapp", "veeam"],
        ProgramTiers = new Dictionary<string, string?> { ["veeam"] = "premier" },
    };

    private static PartnerClaim ClaimOf(Partner partner, string kind, string vendor) => partner.Claims.Single(c => c.Kind == kind && c.Vendor == vendor);

    private static Partner Attested(Partner partner, string kind, string vendor) =>
        partner.Decide(ClaimOf(partner, kind, vendor).Id, vendor, attest: true, reason: null, "vendor-user", Monday).Partner;

    [Fact]
    public void A_profile_claims_membership_and_tier_in_each_program_and_each_certification_from_its_vendor_all_pending()
    {
        var partner = Partner.Register(Id, Profile, Monday);

        Assert.Equal(
            [(ClaimKinds.Membership, "netapp", null), (ClaimKinds.Tier, "netapp", "advanced"), (ClaimKinds.Membership, "veeam", null),
             (ClaimKinds.Tier, "veeam", "premier"), (ClaimKinds.Certification, "netapp", null)],
            partner.Claims.Select(c => (c.Kind, c.Vendor, c.Tier)));
        Assert.All(partner.Claims, c => Assert.Equal(ClaimStates.Pending, c.State));
        Assert.Equal("NetApp Certified Storage Associate", ClaimOf(partner, ClaimKinds.Certification, "netapp").Certification!.Name);
        Assert.Equal(partner.Claims.Count, partner.Claims.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Nothing_claimed_counts_in_the_snapshot_until_its_vendor_attests_it()
    {
        var partner = Partner.Register(Id, Profile, Monday);

        var snapshot = partner.ToSnapshot();

        Assert.Empty(snapshot.AttestedMemberships);
        Assert.Empty(snapshot.AttestedTiers);
        Assert.False(Assert.Single(snapshot.Certifications).Attested);
        Assert.Equal(["netapp", "veeam"], snapshot.ProgramMemberships);
    }

    [Fact]
    public void An_attested_tier_counts_only_with_an_attested_membership_of_the_same_program()
    {
        var partner = Partner.Register(Id, Profile, Monday);
        partner = Attested(partner, ClaimKinds.Tier, "netapp");
        partner = Attested(partner, ClaimKinds.Tier, "veeam");
        partner = Attested(partner, ClaimKinds.Membership, "veeam");
        partner = Attested(partner, ClaimKinds.Certification, "netapp");

        var snapshot = partner.ToSnapshot();

        Assert.Equal(["veeam"], snapshot.AttestedMemberships);
        Assert.Equal(new Dictionary<string, string> { ["veeam"] = "premier" }, snapshot.AttestedTiers);
        Assert.True(Assert.Single(snapshot.Certifications).Attested);
    }

    [Fact]
    public void A_revision_keeps_the_attestation_of_an_unchanged_claim_and_claims_a_changed_one_anew()
    {
        var partner = Partner.Register(Id, Profile, Monday);
        foreach (var vendor in new[] { "netapp", "veeam" })
        {
            partner = Attested(Attested(partner, ClaimKinds.Membership, vendor), ClaimKinds.Tier, vendor);
        }
        partner = Attested(partner, ClaimKinds.Certification, "netapp");

        var revised = partner.Revise(Profile with
        {
            ProgramTiers = new Dictionary<string, string?> { ["veeam"] = "advanced" },
            Certifications = [NetAppCertification with { Level = "professional" }],
        }, Tuesday);

        Assert.Equal(ClaimStates.Attested, ClaimOf(revised, ClaimKinds.Membership, "veeam").State);
        Assert.Equal(ClaimStates.Attested, ClaimOf(revised, ClaimKinds.Tier, "netapp").State);
        var tier = ClaimOf(revised, ClaimKinds.Tier, "veeam");
        Assert.Equal((ClaimStates.Pending, "advanced", Tuesday), (tier.State, tier.Tier, tier.ClaimedAt));
        Assert.Equal(ClaimStates.Pending, ClaimOf(revised, ClaimKinds.Certification, "netapp").State);
        Assert.Equal(new Dictionary<string, string> { ["netapp"] = "advanced" }, revised.ToSnapshot().AttestedTiers);
    }

    [Fact]
    public void A_revision_that_drops_a_program_drops_its_claims()
    {
        var partner = Attested(Partner.Register(Id, Profile, Monday), ClaimKinds.Membership, "veeam");

        var revised = partner.Revise(Profile with { ProgramMemberships = ["netapp"], ProgramTiers = null }, Tuesday);

        Assert.DoesNotContain(revised.Claims, c => c.Vendor == "veeam");
        Assert.Empty(revised.ToSnapshot().AttestedMemberships);
    }

    [Fact]
    public void Attesting_changes_the_claim_bumps_the_version_and_writes_a_history_line()
    {
        var partner = Partner.Register(Id, Profile, Monday);
        var claim = ClaimOf(partner, ClaimKinds.Membership, "netapp");

        var result = partner.Decide(claim.Id, "netapp", attest: true, reason: null, "netapp-admin", Tuesday);

        Assert.Equal(ClaimDecisionOutcome.Decided, result.Outcome);
        Assert.Equal(partner.Version + 1, result.Partner.Version);
        Assert.Equal(ClaimStates.Attested, result.Claim!.State);
        Assert.Equal(new ClaimHistoryEntry(Id, claim.Id, ClaimKinds.Membership, "netapp", ClaimStates.Attested, null, "netapp-admin", Tuesday, partner.Version + 1),
            result.Entry);
    }

    [Fact]
    public void Deciding_a_claim_the_way_it_is_decided_changes_nothing()
    {
        var partner = Partner.Register(Id, Profile, Monday);
        var claim = ClaimOf(partner, ClaimKinds.Tier, "veeam");
        var rejected = partner.Decide(claim.Id, "veeam", attest: false, "Not premier in our records", "veeam-admin", Monday).Partner;

        var again = rejected.Decide(claim.Id, "veeam", attest: false, "Still not", "veeam-admin", Tuesday);

        Assert.Equal(ClaimDecisionOutcome.Unchanged, again.Outcome);
        Assert.Same(rejected, again.Partner);
        Assert.Null(again.Entry);
        Assert.Equal("Not premier in our records", again.Claim!.Decision!.Reason);
    }

    [Fact]
    public void A_vendor_may_revoke_its_attestation_and_the_revocation_is_a_decision_of_its_own()
    {
        var partner = Attested(Partner.Register(Id, Profile, Monday), ClaimKinds.Certification, "netapp");
        var claim = ClaimOf(partner, ClaimKinds.Certification, "netapp");

        var revoked = partner.Decide(claim.Id, "netapp", attest: false, "Certification withdrawn", "netapp-admin", Tuesday);

        Assert.Equal(ClaimDecisionOutcome.Decided, revoked.Outcome);
        Assert.Equal((ClaimStates.Rejected, "Certification withdrawn"), (revoked.Entry!.Outcome, revoked.Entry.Reason));
        Assert.False(Assert.Single(revoked.Partner.ToSnapshot().Certifications).Attested);
    }

    [Fact]
    public void Only_the_vendor_a_claim_is_addressed_to_decides_it_and_only_while_the_partner_takes_part()
    {
        var partner = Partner.Register(Id, Profile, Monday);
        var claim = ClaimOf(partner, ClaimKinds.Membership, "netapp");

        Assert.Equal(ClaimDecisionOutcome.NotAddressed, partner.Decide(claim.Id, "veeam", true, null, "veeam-admin", Tuesday).Outcome);
        Assert.Equal(ClaimDecisionOutcome.NotFound, partner.Decide(Guid.NewGuid(), "netapp", true, null, "netapp-admin", Tuesday).Outcome);
        Assert.Equal(ClaimDecisionOutcome.Inactive, partner.Deactivate(Tuesday).Decide(claim.Id, "netapp", true, null, "netapp-admin", Tuesday).Outcome);
    }

    [Fact]
    public void A_program_tier_must_name_a_program_the_partner_is_a_member_of_and_a_known_tier()
    {
        var errors = (Profile with { ProgramTiers = new Dictionary<string, string?> { ["cisco"] = "premier", ["veeam"] = "gold" } })
            .Validate(CapabilityTaxonomy.Builtin).ToDictionary();

        Assert.Equal(["programTiers.cisco", "programTiers.veeam"], errors.Keys.Order());
    }

    [Fact]
    public void Settlement_reads_a_partners_standing_in_a_program_from_what_the_vendor_attested()
    {
        var partner = Attested(Attested(Partner.Register(Id, Profile, Monday), ClaimKinds.Membership, "veeam"), ClaimKinds.Tier, "veeam");
        partner = Attested(partner, ClaimKinds.Tier, "netapp");
        var snapshot = partner.ToSnapshot();

        Assert.Equal(new PartnerStanding(true, "premier"), PartnerStanding.In(snapshot, "veeam"));
        Assert.Equal(PartnerStanding.Unattested, PartnerStanding.In(snapshot, "netapp"));
        Assert.Equal(PartnerStanding.Unattested, PartnerStanding.In(snapshot, "cisco"));
    }
}
