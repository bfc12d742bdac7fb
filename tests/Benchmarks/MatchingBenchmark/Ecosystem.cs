using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Matching.Model;

namespace EcosystemMarket.MatchingBenchmark;

/// <summary>
/// A deterministic, realistic ecosystem: partners as the directory would stream them, the match requests
/// owners would send, and brokering facts for a track record. The same seed always yields the same data.
/// </summary>
public sealed class Ecosystem
{
    public static readonly DateOnly Today = new(2026, 6, 1);

    private static readonly string[] Vendors =
    [
        "Microsoft", "AWS", "Google Cloud", "Cisco", "VMware", "Red Hat", "Oracle", "SAP", "Salesforce", "ServiceNow",
        "Palo Alto Networks", "Fortinet", "Check Point", "CrowdStrike", "Okta", "NetApp", "Dell", "HPE", "Lenovo", "IBM",
        "Nutanix", "Veeam", "Commvault", "Pure Storage", "Splunk", "Datadog", "Snowflake", "Databricks", "Elastic", "MongoDB",
        "Zscaler", "Juniper", "Aruba", "Citrix", "Adobe", "Atlassian", "Zoom", "Workday", "Intel", "NVIDIA",
    ];

    private static readonly string[] Regions =
    [
        "US", "DE", "GB", "FR", "CA", "NL", "AU", "JP", "IN", "BR", "ES", "IT", "SE", "CH", "PL",
        "BE", "AT", "DK", "NO", "FI", "IE", "SG", "MX", "ZA", "AE", "KR", "NZ", "PT", "CZ", "IL",
    ];

    private static readonly string[] Verticals =
    [
        "manufacturing", "retail", "healthcare", "finance", "public-sector", "education",
        "energy", "telecommunications", "media", "logistics", "insurance", "hospitality",
    ];

    private static readonly (string Function, string Category)[] Kinds =
    [
        ("solution", "isv"), ("sales", "solution-reseller"), ("service", "consulting-deployment"), ("service", "managed-services"),
    ];

    private static readonly string[] NameStarts =
    [
        "Acme", "Blue", "Bright", "Cedar", "Clear", "Core", "Delta", "Echo", "Falcon", "Granite", "Harbor", "Iron", "Juniper",
        "Keystone", "Lumen", "Maple", "Nimbus", "Orbit", "Pioneer", "Quantum", "Radiant", "Summit", "Titan", "Union", "Vertex",
        "Willow", "Zenith", "Apex", "Beacon", "Crest", "Dynamo", "Ember", "Frontier", "Glacier", "Horizon", "Insight", "Jade",
        "Kinetic", "Lattice", "Meridian", "North", "Onyx", "Prism", "Quartz", "River", "Sierra", "Tidal", "Vector", "West", "Atlas",
    ];

    private static readonly string[] NameMiddles =
    [
        "Cloud", "Data", "Net", "Logic", "Byte", "Secure", "Stack", "Wave", "Bridge", "Point", "Grid", "Link", "Path",
        "Forge", "Shift", "Sphere", "Scale", "Signal", "Stream", "Works", "Mind", "Code", "Gate", "Hub", "Sys",
    ];

    private static readonly string[] NameEnds =
    [
        "Systems", "Solutions", "Labs", "Partners", "Group", "Technologies", "Consulting", "Networks", "Services", "Digital", "GmbH", "Ltd",
    ];

    private Ecosystem(Taxonomy taxonomy, List<PartnerSnapshot> partners, List<MatchRequest> queries,
        List<InvitationFact> invitations, List<TeamWin> wins)
    {
        Taxonomy = taxonomy;
        Partners = partners;
        Queries = queries;
        Invitations = invitations;
        Wins = wins;
    }

    public Taxonomy Taxonomy { get; }
    public IReadOnlyList<PartnerSnapshot> Partners { get; }
    public IReadOnlyList<MatchRequest> Queries { get; }
    public IReadOnlyList<InvitationFact> Invitations { get; }
    public IReadOnlyList<TeamWin> Wins { get; }

    public static Ecosystem Generate(int seed, int partnerCount, int queryCount, int limit)
    {
        var random = new Random(seed);
        var taxonomy = new Taxonomy(random);
        var leaves = new ZipfSampler(taxonomy.LeavesByPopularity.Count, 1.0);
        var vendors = new ZipfSampler(Vendors.Length, 0.8);
        var regions = new ZipfSampler(Regions.Length, 0.9);
        var verticals = new ZipfSampler(Verticals.Length, 0.6);

        var partners = new List<PartnerSnapshot>(partnerCount);
        for (var i = 0; i < partnerCount; i++)
        {
            partners.Add(Partner(random, taxonomy, leaves, vendors, regions, verticals));
        }

        var queries = new List<MatchRequest>(queryCount);
        for (var i = 0; i < queryCount; i++)
        {
            queries.Add(Query(random, taxonomy, leaves, regions, verticals, partners, limit));
        }

        var (invitations, wins) = Brokering(random, partners, queries);
        return new Ecosystem(taxonomy, partners, queries, invitations, wins);
    }

    private static PartnerSnapshot Partner(Random random, Taxonomy taxonomy, ZipfSampler leaves, ZipfSampler vendors, ZipfSampler regions, ZipfSampler verticals)
    {
        var codes = new List<string>();
        var capabilityCount = random.Next(5, 16);
        while (codes.Count < capabilityCount)
        {
            var code = taxonomy.LeavesByPopularity[leaves.Next(random)];
            // A few partners advertise a whole area rather than a leaf.
            if (random.NextDouble() < 0.05)
            {
                code = Taxonomy.Parent(code);
            }
            if (!codes.Contains(code))
            {
                codes.Add(code);
            }
        }
        var capabilities = codes.Select(code => new AdvertisedCapability { Code = code, Proficiency = Pick(random, ProficiencyOdds) }).ToList();

        var certifications = new List<CertificationSnapshot>();
        var certificationCount = Pick(random, CertificationCountOdds);
        for (var c = 0; c < certificationCount; c++)
        {
            var vendor = Vendors[vendors.Next(random)];
            var issued = Today.AddDays(-random.Next(0, 1500));
            var covered = Enumerable.Range(0, random.Next(1, 4)).Select(_ => codes[random.Next(codes.Count)]).Distinct().ToList();
            certifications.Add(new CertificationSnapshot
            {
                Vendor = vendor,
                Name = $"{vendor} {covered[0]} {Pick(random, CertificationLevelOdds)}",
                Level = Pick(random, CertificationLevelOdds),
                IssuedOn = issued,
                // Most expire two or three years after issue, so older ones have lapsed; a few never expire.
                ExpiresOn = random.NextDouble() < 0.1 ? null : issued.AddYears(random.Next(2, 4)),
                Capabilities = covered,
                Attested = true,
            });
        }

        var kind = Kinds[random.Next(Kinds.Length)];
        return new PartnerSnapshot
        {
            PartnerId = NewGuid(random),
            Name = $"{NameStarts[random.Next(NameStarts.Length)]} {NameMiddles[random.Next(NameMiddles.Length)]} {NameEnds[random.Next(NameEnds.Length)]}",
            PartnerFunction = kind.Function,
            Category = kind.Category,
            Tier = Pick(random, TierOdds),
            Regions = Distinct(random.Next(1, 5), () => Regions[regions.Next(random)]),
            Verticals = Distinct(random.Next(0, 4), () => Verticals[verticals.Next(random)]),
            Capabilities = capabilities,
            Certifications = certifications,
            ProgramMemberships = Distinct(random.Next(0, 3), () => Vendors[vendors.Next(random)]),
            Active = random.NextDouble() >= 0.03,
            Version = 1,
        };
    }

    private static MatchRequest Query(Random random, Taxonomy taxonomy, ZipfSampler leaves, ZipfSampler regions, ZipfSampler verticals,
        List<PartnerSnapshot> partners, int limit)
    {
        var needs = new List<Need>();
        var needCount = random.Next(2, 6);
        while (needs.Count < needCount)
        {
            var code = taxonomy.LeavesByPopularity[leaves.Next(random)];
            var generality = random.NextDouble();
            // Sometimes a broad need: an area (storage.backup) or a whole domain (storage).
            code = generality < 0.06 ? Taxonomy.Domain(code) : generality < 0.2 ? Taxonomy.Parent(code) : code;
            if (needs.TrueForAll(n => n.Capability != code))
            {
                needs.Add(new Need(code, needs.Count == 0 || random.NextDouble() < 0.4));
            }
        }
        return new MatchRequest(
            partners[random.Next(partners.Count)].PartnerId,
            needs,
            Regions[regions.Next(random)],
            random.NextDouble() < 0.4 ? Verticals[verticals.Next(random)] : null,
            new HashSet<Guid>(),
            limit);
    }

    /// <summary>About one partner in six has been invited before; a share of the invitations came from query owners.</summary>
    private static (List<InvitationFact>, List<TeamWin>) Brokering(Random random, List<PartnerSnapshot> partners, List<MatchRequest> queries)
    {
        var invitations = new List<InvitationFact>();
        var wins = new List<TeamWin>();
        var epoch = new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        foreach (var invitee in partners)
        {
            if (random.NextDouble() >= 0.16)
            {
                continue;
            }
            var count = random.Next(1, 9);
            for (var i = 0; i < count; i++)
            {
                var owner = random.NextDouble() < 0.3 ? queries[random.Next(queries.Count)].OwnerPartnerId : partners[random.Next(partners.Count)].PartnerId;
                var invited = epoch.AddHours(-random.Next(24, 24 * 365));
                var outcome = Pick(random, OutcomeOdds);
                var responded = outcome is InvitationOutcome.Accepted or InvitationOutcome.Declined
                    ? invited.AddMinutes(random.Next(20, 60 * 24 * 5))
                    : (DateTimeOffset?)null;
                var fact = new InvitationFact(NewGuid(random), NewGuid(random), owner, invitee.PartnerId, invited, responded, outcome);
                invitations.Add(fact);
                if (outcome == InvitationOutcome.Accepted && random.NextDouble() < 0.3)
                {
                    wins.Add(new TeamWin(fact.OpportunityId, owner, invitee.PartnerId, invited.AddDays(random.Next(10, 90))));
                }
            }
        }
        return (invitations, wins);
    }

    private static readonly (string, double)[] ProficiencyOdds = [("basic", 0.2), ("intermediate", 0.4), ("advanced", 0.28), ("expert", 0.12)];
    private static readonly (string, double)[] TierOdds = [("registered", 0.5), ("ready", 0.3), ("advanced", 0.15), ("premier", 0.05)];
    private static readonly (int, double)[] CertificationCountOdds = [(0, 0.35), (1, 0.25), (2, 0.2), (3, 0.12), (4, 0.08)];
    private static readonly (string, double)[] CertificationLevelOdds = [("associate", 0.5), ("professional", 0.35), ("expert", 0.15)];
    private static readonly (InvitationOutcome, double)[] OutcomeOdds =
        [(InvitationOutcome.Accepted, 0.55), (InvitationOutcome.Declined, 0.25), (InvitationOutcome.Expired, 0.1), (InvitationOutcome.Pending, 0.1)];

    private static T Pick<T>(Random random, (T Value, double Odds)[] odds)
    {
        var roll = random.NextDouble();
        foreach (var (value, chance) in odds)
        {
            if ((roll -= chance) < 0)
            {
                return value;
            }
        }
        return odds[^1].Value;
    }

    private static List<string> Distinct(int count, Func<string> draw)
    {
        var values = new List<string>(count);
        for (var attempts = 0; values.Count < count && attempts < count * 20; attempts++)
        {
            var value = draw();
            if (!values.Contains(value))
            {
                values.Add(value);
            }
        }
        return values;
    }

    private static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4, as Guid.NewGuid would
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
