using EcosystemMarket.Contracts.Matching;

namespace EcosystemMarket.Portal.Ecosystem;

public sealed record NetworkNode(Guid Id, string Name, double X, double Y, int Pairs, int Activity);

/// <summary>Two partners who worked together: the thicker, the more they did; coloured by whether it is rising or falling.</summary>
public sealed record NetworkEdge(NetworkNode From, NetworkNode To, int Activity, double Width, Trend Trend, PairHealth Pair);

/// <summary>
/// Relationship health as a network: partners are nodes, pairs that worked together are edges. The layout is
/// computed here because Plotly draws points and lines but lays out no graphs, and a circle needs no physics: the
/// same pairs always give the same picture (no jitter between visits, testable), every partner is visible with
/// at most 50 pairs shown, and nodes are ordered by name so neighbours are easy to find in the table beside it.
/// </summary>
public sealed record RelationshipNetwork(IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges)
{
    public const double MinWidth = 1, MaxWidth = 8;

    /// <summary>What a pair did together: invitations both ways, answers and wins (a win counts double).</summary>
    public static int ActivityOf(PairHealth pair) =>
        pair.InvitationsSent + pair.InvitationsReceived + pair.Accepted + 2 * pair.WinsTogether;

    public static RelationshipNetwork Of(RelationshipsView view)
    {
        // A pair may be listed from each side; the first (most active) listing stands for both.
        var pairs = view.Pairs
            .DistinctBy(p => p.PartnerId.CompareTo(p.CounterpartId) < 0 ? (p.PartnerId, p.CounterpartId) : (p.CounterpartId, p.PartnerId))
            .ToList();
        var partners = pairs.SelectMany(p => new[] { p.PartnerId, p.CounterpartId }).Distinct()
            .Select(id => (Id: id, Name: view.NameOf(id)))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Id)
            .ToList();
        var nodes = partners.Select((p, i) =>
        {
            var angle = Math.PI / 2 - 2 * Math.PI * i / Math.Max(1, partners.Count);
            var own = pairs.Where(pair => pair.PartnerId == p.Id || pair.CounterpartId == p.Id).ToList();
            return new NetworkNode(p.Id, p.Name, Math.Round(Math.Cos(angle), 6), Math.Round(Math.Sin(angle), 6), own.Count, own.Sum(ActivityOf));
        }).ToDictionary(n => n.Id);
        var busiest = pairs.Count == 0 ? 0 : pairs.Max(ActivityOf);
        var edges = pairs.Select(p => new NetworkEdge(nodes[p.PartnerId], nodes[p.CounterpartId], ActivityOf(p),
                busiest <= 0 ? MinWidth : MinWidth + (MaxWidth - MinWidth) * ActivityOf(p) / busiest, p.Trend, p))
            .ToList();
        return new RelationshipNetwork(nodes.Values.OrderBy(n => partners.FindIndex(p => p.Id == n.Id)).ToList(), edges);
    }
}
