using System.Security.Claims;
using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.Portal.Ecosystem;
using EcosystemMarket.Portal.Program;
using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.PortalTests;

/// <summary>The portal's own arithmetic for a vendor's pages: members from claims, conflicts, the period and the network's layout.</summary>
public sealed class Vendor_program_figures
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static ProgramClaim Claim(Guid partner, string name, string kind, string state, string? tier = null) =>
        new(Guid.NewGuid(), partner, name, kind, "acme", tier, null, state, Now.AddDays(-3), state == "pending" ? null : Now.AddDays(-1), null);

    private static ProgramRegistration Registration(long sequence, bool isProtected, Guid? conflictsWith = null, string? decision = null) =>
        new(Guid.NewGuid(), sequence, "acme", Guid.NewGuid(), null, "Initech", "initech", ["storage"], Now, Now.AddDays(90), isProtected,
            conflictsWith, false, decision, null, decision is null ? null : Now);

    private static ClaimsPrincipal User(string role, string? vendor = null) => new(new ClaimsIdentity(
        new[] { new Claim(ClaimNames.Role, role) }.Concat(vendor is null ? [] : [new Claim(ClaimNames.VendorId, vendor)]), "test", ClaimNames.Subject, ClaimNames.Role));

    [Fact]
    public void Members_are_the_partners_with_an_attested_membership_with_the_attested_tier_or_the_one_waiting()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var attested = new[]
        {
            Claim(a, "Beta", ClaimKind.Membership, "attested"), Claim(a, "Beta", ClaimKind.Tier, "attested", "premier"),
            Claim(b, "Alpha", ClaimKind.Membership, "attested"), Claim(b, "Alpha", ClaimKind.Certification, "attested"),
            Claim(c, "Gamma", ClaimKind.Tier, "attested", "ready"),
        };
        var pending = new[] { Claim(b, "Alpha", ClaimKind.Tier, "pending", "advanced") };

        var members = ProgramMembers.Of(attested, pending);

        Assert.Equal(["Alpha", "Beta"], members.Select(m => m.Name));
        Assert.Equal(("advanced", false, 1), (members[0].Tier, members[0].TierAttested, members[0].Certifications));
        Assert.Equal(("premier", true, 0), (members[1].Tier, members[1].TierAttested, members[1].Certifications));
    }

    [Fact]
    public void A_conflict_is_open_until_the_vendor_decided_it_and_open_ones_come_first()
    {
        var first = Registration(1, isProtected: true);
        var decided = Registration(2, isProtected: false, first.Id, decision: "approved") with { };
        var waiting = Registration(3, isProtected: false, first.Id);
        var firstDecided = first with { Decision = "approved" };

        var conflicts = RegistrationConflicts.Of([firstDecided, decided, waiting]);

        Assert.Equal([waiting.Id, decided.Id], conflicts.Select(c => c.Registration.Id));
        Assert.True(conflicts[0].Open);
        Assert.False(conflicts[1].Open);
        Assert.Equal(firstDecided, conflicts[0].First);
        Assert.Equal([("waiting", 1L), ("approved", 1L), ("rejected", 0L)],
            ProgramActivity.CountConflicts([firstDecided, decided, waiting]).Select(g => (g.Group, g.Count)));
    }

    [Fact]
    public void The_period_is_the_dates_asked_for_or_a_preset_and_a_vendor_sees_only_its_own_program()
    {
        var vendor = EcosystemQuery.For(User(Roles.Vendor, "acme"), Today, days: null, from: "2026-10-01", to: "2026-10-31", vendor: "globex");
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), "acme", true), (vendor.From, vendor.To, vendor.Vendor, vendor.CallerIsVendor));
        Assert.Null(vendor.PresetDays(Today));
        Assert.Equal(90, vendor.RelationshipWindow(Today));

        var backwards = EcosystemQuery.For(User(Roles.Admin), Today, days: 30, from: "2026-11-20", to: "2026-11-01", vendor: "globex");
        Assert.Equal((Today.AddDays(-29), Today, "globex", false), (backwards.From, backwards.To, backwards.Vendor, backwards.CallerIsVendor));
        Assert.Equal(30, backwards.PresetDays(Today));
        Assert.Equal(30, backwards.RelationshipWindow(Today));

        var whole = EcosystemQuery.For(User(Roles.Admin), Today, days: 7, from: null, to: null, vendor: " ");
        Assert.Equal((EcosystemQuery.DefaultDays, (string?)null), (whole.Days, whole.Vendor));
    }

    [Fact]
    public void The_network_puts_each_partner_once_on_a_circle_and_weighs_each_pair_once_by_what_it_did()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var view = new RelationshipsView(90,
        [
            new PairHealth(a, b, 4, 2, 3, 1, 0, null, 1, 0, true, Trend.Rising),
            new PairHealth(b, a, 2, 4, 3, 1, 0, null, 1, 0, true, Trend.Rising),
            new PairHealth(a, c, 1, 0, 0, 0, 1, null, 0, 0, false, Trend.Falling),
        ], new Dictionary<Guid, string> { [a] = "Alpha", [b] = "Beta", [c] = "Gamma" }, 3, null);

        var network = RelationshipNetwork.Of(view);

        Assert.Equal(["Alpha", "Beta", "Gamma"], network.Nodes.Select(n => n.Name));
        Assert.All(network.Nodes, n => Assert.Equal(1, n.X * n.X + n.Y * n.Y, 4));
        Assert.Equal((0d, 1d), (network.Nodes[0].X, network.Nodes[0].Y));
        Assert.Equal(2, network.Edges.Count);
        Assert.Equal((11, RelationshipNetwork.MaxWidth, Trend.Rising), (network.Edges[0].Activity, network.Edges[0].Width, network.Edges[0].Trend));
        Assert.Equal(1, network.Edges[1].Activity);
        Assert.True(network.Edges[1].Width < network.Edges[0].Width);
        Assert.Equal(2, network.Nodes[0].Pairs);
        Assert.Equal(RelationshipNetwork.Of(view), network, new NetworkComparer());
    }

    private sealed class NetworkComparer : IEqualityComparer<RelationshipNetwork>
    {
        public bool Equals(RelationshipNetwork? x, RelationshipNetwork? y) =>
            x!.Nodes.SequenceEqual(y!.Nodes) && x.Edges.Select(e => (e.From.Id, e.To.Id, e.Width)).SequenceEqual(y.Edges.Select(e => (e.From.Id, e.To.Id, e.Width)));

        public int GetHashCode(RelationshipNetwork obj) => obj.Nodes.Count;
    }
}
