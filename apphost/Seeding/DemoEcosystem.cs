namespace EcosystemMarket.AppHost.Seeding;

/// <summary>
/// The demo ecosystem: three vendors with reward programs, partners of every kind, and the stories of the
/// opportunities they bring each other. Drawn from a seeded <see cref="Random"/>, so every run builds the same one.
/// </summary>
public sealed class DemoEcosystem
{
    private const int Seed = 20261123;

    public static readonly IReadOnlyList<DemoVendor> Vendors =
    [
        new("northwind-networks", "Northwind Networks Partner Advantage", "USD", 2500m, 30),
        new("redleaf-linux", "Redleaf Linux Ready Program", "EUR", 1500m, 14),
        // No holding period: rewards are payable at once, so the demo can show a payout being approved.
        new("contoso-cloud", "Contoso Cloud Solution Partners", "USD", 1000m, 0),
    ];

    public static readonly IReadOnlyList<DemoBlueprint> Blueprints =
    [
        new("northwind-networks", "Secure branch", "SD-WAN branches with zero-trust access", ["networking.sd-wan", "security.zero-trust"]),
        new("redleaf-linux", "Hybrid container platform", "Containers on premises and in the cloud, run as a platform", ["compute.containers", "cloud.hybrid", "devops.platform-engineering"]),
        new("contoso-cloud", "Landing zone", "A governed landing zone and the migration into it", ["cloud.landing-zone", "cloud.migration", "security.identity"]),
    ];

    /// <summary>A program member adopts its vendor's blueprint when it advertises one of the blueprint's capabilities (or a code above one).</summary>
    public static bool Adopts(DemoPartner partner, DemoBlueprint blueprint) =>
        partner.ProgramMemberships.Contains(blueprint.VendorId)
        && partner.Capabilities.Any(c => blueprint.Capabilities.Any(b => b == c.Code || b.StartsWith(c.Code + ".", StringComparison.Ordinal)));

    /// <summary>The demo's SLA: one vendor wants its consulting partners to answer invitations within a day.</summary>
    public static readonly (string VendorId, string Category, int Hours) ServiceLevel = ("northwind-networks", "consulting-deployment", 24);

    public static readonly IReadOnlyDictionary<string, decimal> TierMultipliers =
        new Dictionary<string, decimal> { ["registered"] = 1m, ["ready"] = 1.1m, ["advanced"] = 1.25m, ["premier"] = 1.5m };

    private static readonly string[] PartnerNames =
    [
        "Alderbrook", "Brightwave", "Cobalt Ridge", "Driftwood", "Emberline", "Fjordlight", "Granite Peak", "Harborview",
        "Ironclad", "Juniper Bay", "Keystone", "Lumenfield", "Meridian", "Northgate", "Orchard Hill", "Pinnacle Point",
        "Quarrystone", "Ridgeline", "Silverpine", "Tidewater", "Upland", "Vantage Crest", "Westbrook", "Yarrowfield",
        "Zenith Bay", "Amberfield", "Bluestone", "Copperleaf", "Dunmore", "Eastwind", "Foxglove", "Glenhaven",
        "Hollowbrook", "Ivory Gate", "Jasper Lane", "Kingsbridge", "Larkspur", "Moorland", "Nettlefield", "Oakhurst",
    ];

    private static readonly string[] CustomerNames =
    [
        "Fabrikam", "Tailspin", "Wingtip", "Litware", "Proseware", "Adventure Works", "Alpine", "Coho",
        "Fourth Street", "Datum", "Humongous", "Lucerne", "Margie's", "Northridge", "Relecloud",
        "Southridge", "Trey Research", "Wide World", "Woodgrove", "Blue Yonder", "Citywide", "Consolidated",
        "First Up", "Bellows", "Lamna", "Munson", "Nod", "Liberty",
        "VanArsdel", "Finch",
    ];

    private static readonly Dictionary<string, string> CurrencyOfRegion = new()
    {
        ["US"] = "USD", ["CA"] = "CAD", ["GB"] = "GBP", ["DE"] = "EUR", ["FR"] = "EUR", ["NL"] = "EUR", ["AU"] = "AUD", ["JP"] = "JPY",
    };

    private static readonly Dictionary<string, string> CustomerKindOfVertical = new()
    {
        ["manufacturing"] = "Manufacturing", ["retail"] = "Retail", ["financial-services"] = "Bank", ["healthcare"] = "Health",
        ["public-sector"] = "County", ["education"] = "University", ["telecommunications"] = "Telecom", ["energy-utilities"] = "Energy",
        ["media-entertainment"] = "Media", ["transportation-logistics"] = "Logistics", ["professional-services"] = "Advisory", ["technology"] = "Technologies",
    };

    private static readonly IReadOnlyList<string> Verticals = [.. CustomerKindOfVertical.Keys.Order()];
    private static readonly string[] Tiers = ["registered", "ready", "ready", "advanced", "advanced", "premier"];
    private static readonly string[] Proficiencies = ["intermediate", "advanced", "advanced", "expert"];
    private static readonly string[] Levels = ["associate", "professional", "expert"];
    private static readonly string[] Sizes = ["small", "medium", "large", "enterprise"];

    private readonly Random _random;

    public IReadOnlyList<DemoPartner> Partners { get; }
    public IReadOnlyList<DemoOpportunity> Opportunities { get; }
    public IReadOnlyList<DemoConflictingRegistration> ConflictingRegistrations { get; }

    /// <summary>One partner per name and one opportunity per customer.</summary>
    public DemoEcosystem()
    {
        _random = new Random(Seed);
        Partners = Enumerable.Range(0, PartnerNames.Length).Select(NewPartner).ToList();
        Opportunities = Enumerable.Range(0, CustomerNames.Length).Select(i => NewOpportunity(_random, CustomerNames[i], first: i == 0)).ToList();
        ConflictingRegistrations = NewConflicts();
    }

    public int StepCount => 2 * Vendors.Count + Partners.Count + Opportunities.Sum(o => o.StepCount) + ConflictingRegistrations.Count;

    /// <summary>
    /// The demo's vendors attest every membership and tier, so rewards show their multipliers, and nine certifications in
    /// ten, so rankings show certification points while each vendor's queue still holds a few claims to decide. The choice
    /// follows the claim's id (derived from its content), so seeding again leaves the same claims pending.
    /// </summary>
    public static bool VendorAttests(ApiClaim claim) => claim.Kind != "certification" || claim.Id.ToByteArray()[0] % 10 != 0;

    /// <summary>
    /// A new opportunity story between the demo partners. The first one is fixed to a registered, won
    /// deal in the vendor program without a holding period, so every seed ends with a reward payable now.
    /// </summary>
    public DemoOpportunity NewOpportunity(Random random, string customer, bool first = false)
    {
        var vendor = first ? Vendors.Single(v => v.HoldingPeriodDays == 0) : Pick(random, Vendors);
        var owners = Partners.Where(p => ArchetypeOf(p).PostsOpportunities).ToList();
        var members = owners.Where(p => p.ProgramMemberships.Contains(vendor.Id)).ToList();
        var owner = Pick(random, members.Count > 0 ? members : owners);
        var region = Pick(random, owner.Regions);
        var industry = Pick(random, Verticals);

        // What the owner brings itself, plus what it lacks and needs a partner for: the reason to team up.
        var owned = owner.Capabilities.Select(c => c.Code).ToHashSet();
        var lacking = Partners.SelectMany(p => p.Capabilities).Select(c => c.Code).Distinct().Where(c => !owned.Contains(c)).Order().ToList();
        var needs = Shuffled(random, lacking).Take(random.Next(1, 3)).Select(c => new DemoNeed(c, MustHave: true))
            .Append(new DemoNeed(Pick(random, owner.Capabilities).Code, MustHave: false))
            .ToList();

        var accepts = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.NextDouble() < 0.7).ToList();
        if (first)
        {
            accepts[0] = true;
        }
        var roll = random.NextDouble();
        var outcome = first ? DemoOutcome.Won : roll switch
        {
            < 0.45 => DemoOutcome.Won,
            < 0.65 => DemoOutcome.Lost,
            < 0.75 => DemoOutcome.Withdrawn,
            _ => DemoOutcome.StaysOpen,
        };
        return new DemoOpportunity(
            owner.Id, $"{customer} {CustomerKindOfVertical[industry]}", industry, region, Pick(random, Sizes), needs,
            random.Next(2, 200) * 5_000m, CurrencyOfRegion[region], vendor.Id, accepts, NewReward(random),
            RegistersDeal: first || random.NextDouble() < 0.5, outcome, FinalValueRatio: random.Next(80, 111) / 100m);
    }

    private DemoPartner NewPartner(int index)
    {
        // Every archetype appears before any repeats, so even a small ecosystem has partners of every kind.
        var archetype = DemoArchetype.All[index % DemoArchetype.All.Count];
        var name = $"{PartnerNames[index]} {archetype.NameSuffix}";
        var regions = Shuffled(_random, CurrencyOfRegion.Keys.Order().ToList()).Take(_random.Next(1, 4)).ToList();
        var capabilities = Shuffled(_random, archetype.Capabilities).Take(_random.Next(2, 5))
            .Select(code => new DemoCapability(code, Pick(_random, Proficiencies))).ToList();
        var memberships = Shuffled(_random, Vendors.Select(v => v.Id).ToList()).Take(_random.Next(1, 3)).Order().ToList();
        var certifications = memberships.Select(vendor => NewCertification(vendor, capabilities)).ToList();
        return new DemoPartner(DemoIds.For(name), name, archetype.PartnerFunction, archetype.Category, Pick(_random, Tiers), regions,
            Shuffled(_random, Verticals).Take(_random.Next(1, 3)).ToList(), capabilities, certifications, memberships);
    }

    private DemoCertification NewCertification(string vendor, IReadOnlyList<DemoCapability> capabilities)
    {
        var issued = new DateOnly(2024, 1, 1).AddDays(_random.Next(0, 600));
        // About one in eight has lapsed, so the directory shows expired evidence too.
        var expires = _random.NextDouble() < 0.125 ? new DateOnly(2026, 6, 30) : issued.AddYears(3);
        var covered = capabilities.Take(_random.Next(1, capabilities.Count + 1)).Select(c => c.Code).ToList();
        var level = Pick(_random, Levels);
        return new DemoCertification(vendor, $"{Vendors.Single(v => v.Id == vendor).Name.Split(' ')[0]} Certified {Capitalised(level)}", level, issued, expires, covered);
    }

    private static DemoReward NewReward(Random random) => random.Next(3) switch
    {
        0 => new DemoReward("referral-fee", random.Next(5, 16), null),
        1 => new DemoReward("revenue-share", random.Next(10, 31), null),
        // At most 3,000 to each of up to three invitees: never more than the smallest deal (10,000) is worth, as Brokering requires.
        _ => new DemoReward("fixed-fee", null, random.Next(1, 4) * 1_000m),
    };

    /// <summary>Another member of the vendor's program registers a customer somebody already registered.</summary>
    private List<DemoConflictingRegistration> NewConflicts() =>
        Opportunities.Where(o => o.RegistersDeal).Take(2)
            .Select(o => (Opportunity: o, Rival: Partners.FirstOrDefault(p => p.Id != o.OwnerId && p.ProgramMemberships.Contains(o.VendorId))))
            .Where(pair => pair.Rival is not null)
            .Select(pair => new DemoConflictingRegistration(pair.Rival!.Id, pair.Opportunity.VendorId, pair.Opportunity.CustomerName,
                pair.Opportunity.Needs.Select(n => n.Capability).ToList()))
            .ToList();

    private static DemoArchetype ArchetypeOf(DemoPartner partner) =>
        DemoArchetype.All.First(a => a.PartnerFunction == partner.PartnerFunction && a.Category == partner.Category);

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static List<T> Shuffled<T>(Random random, IReadOnlyList<T> items)
    {
        var copy = items.ToArray();
        random.Shuffle(copy);
        return [.. copy];
    }

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
