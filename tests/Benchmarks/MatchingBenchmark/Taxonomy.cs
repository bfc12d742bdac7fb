namespace EcosystemMarket.MatchingBenchmark;

/// <summary>
/// A three-level capability taxonomy (domain.area.leaf, about 15 × 12 × 15 codes) whose leaves are
/// ranked in a fixed shuffled order, so that popularity (Zipf over the ranks) spreads over the domains.
/// </summary>
public sealed class Taxonomy
{
    private static readonly string[] Domains =
    [
        "storage", "security", "networking", "cloud", "data", "analytics", "ai", "collaboration",
        "devices", "software", "infrastructure", "iot", "communications", "services", "compute",
    ];

    private static readonly string[] Areas =
    [
        "backup", "archive", "replication", "identity", "firewall", "endpoint", "sd-wan", "wireless", "migration",
        "governance", "integration", "warehouse", "reporting", "vision", "language", "messaging", "video", "mobile",
        "printing", "erp", "crm", "datacenter", "edge", "sensors", "voice", "contact-center", "managed", "consulting",
        "training", "hpc", "virtualization", "containers", "observability", "compliance", "recovery", "object",
        "file", "block", "streaming", "automation", "devops", "licensing",
    ];

    private static readonly string[] Leaves =
    [
        "cloud", "on-premises", "hybrid", "saas", "smb", "enterprise", "public-sector", "healthcare", "assessment",
        "implementation", "support", "design", "optimisation", "monitoring", "audit", "kubernetes", "windows", "linux",
        "vmware", "azure", "aws", "gcp", "oracle", "sap", "microsoft", "cisco", "retail", "finance", "education",
        "manufacturing", "telco", "energy", "automotive", "pharma", "logistics", "media", "gaming", "insurance",
    ];

    public Taxonomy(Random random, int areasPerDomain = 12, int leavesPerArea = 15)
    {
        var leaves = new List<string>();
        var areas = new List<string>();
        for (var d = 0; d < Domains.Length; d++)
        {
            for (var a = 0; a < areasPerDomain; a++)
            {
                var area = $"{Domains[d]}.{Areas[(d * 7 + a) % Areas.Length]}";
                areas.Add(area);
                for (var l = 0; l < leavesPerArea; l++)
                {
                    leaves.Add($"{area}.{Leaves[(d * 5 + a * 3 + l) % Leaves.Length]}");
                }
            }
        }
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(leaves));
        LeavesByPopularity = leaves;
        AreaCodes = areas;
        DomainCodes = Domains;
    }

    /// <summary>Leaf codes, most popular first.</summary>
    public IReadOnlyList<string> LeavesByPopularity { get; }

    public IReadOnlyList<string> AreaCodes { get; }

    public IReadOnlyList<string> DomainCodes { get; }

    public int CodeCount => LeavesByPopularity.Count + AreaCodes.Count + DomainCodes.Count;

    public static string Parent(string code) => code[..code.LastIndexOf('.')];

    public static string Domain(string code) => code[..code.IndexOf('.')];
}
