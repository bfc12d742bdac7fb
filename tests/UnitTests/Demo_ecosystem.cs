using System.Text.Json;
using EcosystemMarket.AppHost.Seeding;
using EcosystemMarket.Contracts;
using EcosystemMarket.Partners.Model;

namespace EcosystemMarket.UnitTests;

/// <summary>The demo data is only useful if the API accepts every item of it and it comes out the same every time.</summary>
public class Demo_ecosystem
{
    private static readonly DemoEcosystem Demo = new();
    private static readonly CapabilityTaxonomy Taxonomy = CapabilityTaxonomy.Builtin;

    [Fact]
    public void Names_only_capability_codes_of_the_taxonomy_file()
    {
        var named = Demo.Partners.SelectMany(p => p.Capabilities.Select(c => c.Code).Concat(p.Certifications.SelectMany(c => c.Capabilities)))
            .Concat(Demo.Opportunities.SelectMany(o => o.Needs.Select(n => n.Capability)))
            .Concat(Demo.ConflictingRegistrations.SelectMany(r => r.Scope))
            .Concat(DemoArchetype.All.SelectMany(a => a.Capabilities))
            .Distinct();

        Assert.All(named, code => Assert.True(Taxonomy.Contains(code), $"'{code}' is not in capabilities.json."));
    }

    [Fact]
    public void Publishes_blueprints_Partners_accepts_each_adopted_by_some_members_of_its_program_and_only_by_them()
    {
        Assert.All(DemoEcosystem.Blueprints, blueprint =>
        {
            Assert.True(new BlueprintDraft(blueprint.Name, blueprint.Description, blueprint.Capabilities).Validate(Taxonomy).IsValid, blueprint.Name);
            var adopters = Demo.Partners.Where(p => DemoEcosystem.Adopts(p, blueprint)).ToList();
            Assert.NotEmpty(adopters);
            Assert.All(adopters, p => Assert.Contains(blueprint.VendorId, p.ProgramMemberships));
        });
        Assert.Contains(DemoEcosystem.Vendors, v => v.Id == DemoEcosystem.ServiceLevel.VendorId);
        Assert.Contains(Demo.Partners, p => p.Category == DemoEcosystem.ServiceLevel.Category && p.ProgramMemberships.Contains(DemoEcosystem.ServiceLevel.VendorId));
    }

    [Fact]
    public void Registers_partner_profiles_that_Partners_accepts()
    {
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Assert.All(Demo.Partners, partner =>
        {
            var sent = JsonSerializer.Deserialize<PartnerProfile>(JsonSerializer.Serialize(partner, web), web)!;
            var errors = sent.Validate(Taxonomy).ToDictionary();
            Assert.True(errors.Count == 0, $"{partner.Name}: {string.Join("; ", errors.SelectMany(e => e.Value))}");
        });
    }

    [Fact]
    public void Has_its_vendors_attest_every_membership_and_tier_and_most_but_not_all_certifications()
    {
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var claims = Demo.Partners
            .SelectMany(p => Partner.Register(p.Id, JsonSerializer.Deserialize<PartnerProfile>(JsonSerializer.Serialize(p, web), web)!, DateTimeOffset.UnixEpoch).Claims
                .Select(c => (c.Kind, Attested: DemoEcosystem.VendorAttests(new ApiClaim(c.Id, p.Id, c.Kind)))))
            .ToList();
        var certifications = claims.Where(c => c.Kind == ClaimKinds.Certification).ToList();

        Assert.All(claims.Where(c => c.Kind != ClaimKinds.Certification), c => Assert.True(c.Attested));
        Assert.InRange(certifications.Count(c => c.Attested), certifications.Count * 3 / 4, certifications.Count - 1);
    }

    [Fact]
    public void Is_the_same_ecosystem_on_every_run()
    {
        var again = new DemoEcosystem();

        Assert.Equal(Demo.Partners.Select(Describe), again.Partners.Select(Describe));
        Assert.Equal(Demo.Opportunities.Select(Describe), again.Opportunities.Select(Describe));
        // Pinned: a data folder seeded by an earlier build must keep addressing the same organisations.
        Assert.Equal("Alderbrook Resellers", Demo.Partners[0].Name);
        Assert.Equal(new Guid("e28a98e6-e6f5-e379-1131-e6221cca69df"), DemoIds.For("Alderbrook Resellers"));
    }

    [Fact]
    public void Has_forty_partners_of_every_kind_with_distinct_names_and_ids()
    {
        Assert.Equal(40, Demo.Partners.Count);
        Assert.Equal(Demo.Partners.Count, Demo.Partners.Select(p => p.Id).Distinct().Count());
        Assert.Equal(Demo.Partners.Count, Demo.Partners.Select(p => p.Name).Distinct().Count());
        Assert.All(DemoArchetype.All, a => Assert.Contains(Demo.Partners, p => p.Category == a.Category));
        Assert.All(DemoEcosystem.Vendors, v => Assert.Contains(Demo.Partners, p => p.ProgramMemberships.Contains(v.Id)));
    }

    [Fact]
    public void Tells_opportunity_stories_between_its_own_partners_with_every_ending()
    {
        var partners = Demo.Partners.Select(p => p.Id).ToHashSet();

        Assert.Equal(30, Demo.Opportunities.Count);
        Assert.Equal(Demo.Opportunities.Count, Demo.Opportunities.Select(o => o.CustomerName).Distinct().Count());
        Assert.All(Demo.Opportunities, o =>
        {
            Assert.Contains(o.OwnerId, partners);
            Assert.True(CodeFormats.IsRegion(o.Region) && CodeFormats.IsCurrency(o.Currency), $"{o.CustomerName}: {o.Region} {o.Currency}");
            Assert.Contains(o.Needs, n => n.MustHave);
            Assert.Contains(o.VendorId, DemoEcosystem.Vendors.Select(v => v.Id));
        });
        Assert.All(Enum.GetValues<DemoOutcome>(), outcome => Assert.Contains(Demo.Opportunities, o => o.Outcome == outcome));
    }

    [Fact]
    public void Ends_with_a_reward_payable_at_once_and_conflicting_registrations()
    {
        var first = Demo.Opportunities[0];

        Assert.Equal(DemoOutcome.Won, first.Outcome);
        Assert.True(first.RegistersDeal);
        Assert.Equal(0, DemoEcosystem.Vendors.Single(v => v.Id == first.VendorId).HoldingPeriodDays);
        Assert.Equal(2, Demo.ConflictingRegistrations.Count);
        Assert.All(Demo.ConflictingRegistrations, r => Assert.Contains(Demo.Opportunities, o => o.RegistersDeal && o.CustomerName == r.CustomerName
            && o.VendorId == r.VendorId && o.OwnerId != r.RegistrantId));
    }

    private static string Describe<T>(T item) => JsonSerializer.Serialize(item);
}
