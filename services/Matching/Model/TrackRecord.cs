using System.Collections.Concurrent;

namespace EcosystemMarket.Matching.Model;

public enum InvitationOutcome
{
    Pending,
    Accepted,
    Declined,
    Expired,
}

/// <summary>What Matching learned about one invitation from Brokering's events.</summary>
public sealed record InvitationFact(
    Guid InvitationId, Guid OpportunityId, Guid OwnerPartnerId, Guid InviteePartnerId,
    DateTimeOffset? InvitedAt, DateTimeOffset? RespondedAt, InvitationOutcome Outcome)
{
    /// <summary>
    /// Events about one invitation arrive in any order and any number of times: each fills in what it knows
    /// and keeps what is known already; an answer outranks "pending".
    /// </summary>
    public InvitationFact MergeWith(InvitationFact? known) => known is null ? this : known with
    {
        InvitedAt = InvitedAt ?? known.InvitedAt,
        RespondedAt = RespondedAt ?? known.RespondedAt,
        Outcome = Outcome == InvitationOutcome.Pending ? known.Outcome : Outcome,
    };

    public TimeSpan? ResponseTime => InvitedAt is { } invited && RespondedAt is { } responded && Outcome != InvitationOutcome.Expired
        ? responded - invited
        : null;
}

/// <summary>A partner that was on the team of a won opportunity.</summary>
public sealed record TeamWin(Guid OpportunityId, Guid OwnerPartnerId, Guid PartnerId, DateTimeOffset WonAt);

/// <summary>
/// A deal registration that conflicted with the counterpart: it overlapped the counterpart's protected registration,
/// or registered a customer the counterpart had shown the registrant in an invitation (poaching).
/// </summary>
public sealed record DealConflict(Guid RegistrationId, Guid RegistrantPartnerId, Guid CounterpartPartnerId, DateTimeOffset DetectedAt);

public sealed record PartnerRecord(int Invited, int Answered, int Accepted, int Declined, TimeSpan? MedianResponse, int Wins)
{
    public static readonly PartnerRecord None = new(0, 0, 0, 0, null, 0);
}

/// <summary>What one partner's relationships are computed from.</summary>
public sealed record PartnerFacts(IReadOnlyList<InvitationFact> Invitations, IReadOnlyList<TeamWin> Wins, IReadOnlyList<DealConflict> Conflicts);

/// <summary>
/// Every partner's track record from brokering events: the facts themselves, kept by id (so a fact
/// delivered twice, or loaded from the database and then delivered, counts once), per-partner records
/// derived from them, and the facts of each partner for relationship health. Writers serialise on a lock;
/// readers see immutable records.
/// </summary>
public sealed class TrackRecord
{
    private readonly Dictionary<Guid, InvitationFact> _invitations = [];
    private readonly Dictionary<Guid, List<InvitationFact>> _factsByPartner = [];
    private readonly HashSet<(Guid Opportunity, Guid Partner)> _wins = [];
    private readonly Dictionary<Guid, List<TeamWin>> _winsByPartner = [];
    private readonly HashSet<(Guid Registration, Guid Counterpart)> _conflicts = [];
    private readonly Dictionary<Guid, List<DealConflict>> _conflictsByPartner = [];
    private readonly ConcurrentDictionary<Guid, PartnerRecord> _records = new();
    private readonly ConcurrentDictionary<(Guid Owner, Guid Partner), int> _pairWins = new();
    private readonly ConcurrentDictionary<Guid, Guid[]> _wonWith = new();
    private readonly ulong[] _invitedFilter = new ulong[InvitedFilterBits / 64];
    private readonly Lock _write = new();

    // 2^20 bits (128 KB): with tens of thousands of invited partners, a few percent of the others share a bit.
    private const int InvitedFilterBits = 1 << 20;

    public void Apply(InvitationFact fact)
    {
        lock (_write)
        {
            if (_invitations.TryGetValue(fact.InvitationId, out var previous))
            {
                Remove(_factsByPartner, previous.OwnerPartnerId, previous);
                Remove(_factsByPartner, previous.InviteePartnerId, previous);
            }
            fact = fact.MergeWith(previous);
            _invitations[fact.InvitationId] = fact;
            Add(_factsByPartner, fact.OwnerPartnerId, fact);
            Add(_factsByPartner, fact.InviteePartnerId, fact);
            Recompute(fact.InviteePartnerId);
        }
    }

    public void Apply(TeamWin win)
    {
        lock (_write)
        {
            if (_wins.Add((win.OpportunityId, win.PartnerId)))
            {
                Add(_winsByPartner, win.PartnerId, win);
                Add(_winsByPartner, win.OwnerPartnerId, win);
                // Listed before counted: a reader never sees wins together with a partner WonWith does not name.
                if (_wonWith.TryGetValue(win.OwnerPartnerId, out var partners))
                {
                    if (!partners.Contains(win.PartnerId))
                    {
                        _wonWith[win.OwnerPartnerId] = [.. partners, win.PartnerId];
                    }
                }
                else
                {
                    _wonWith[win.OwnerPartnerId] = [win.PartnerId];
                }
                _pairWins.AddOrUpdate((win.OwnerPartnerId, win.PartnerId), 1, (_, count) => count + 1);
                Recompute(win.PartnerId);
            }
        }
    }

    public void Apply(DealConflict conflict)
    {
        lock (_write)
        {
            if (_conflicts.Add((conflict.RegistrationId, conflict.CounterpartPartnerId)))
            {
                Add(_conflictsByPartner, conflict.RegistrantPartnerId, conflict);
                Add(_conflictsByPartner, conflict.CounterpartPartnerId, conflict);
            }
        }
    }

    public PartnerRecord For(Guid partnerId) => _records.GetValueOrDefault(partnerId, PartnerRecord.None);

    public int WinsTogether(Guid owner, Guid partner) => _pairWins.GetValueOrDefault((owner, partner));

    /// <summary>The partners that won deals on this owner's opportunities: the only ones <see cref="WinsTogether"/> is not 0 for.</summary>
    public IReadOnlyList<Guid> WonWith(Guid owner) => _wonWith.GetValueOrDefault(owner) ?? [];

    /// <summary>
    /// False when the partner was certainly never invited, so has no record; true when it may have one.
    /// A bit per hash of the id, set once a partner is invited and never cleared (an invitation stays a
    /// fact for good), lets ranking skip the records of most candidates without a lookup each.
    /// </summary>
    public bool MayHaveRecord(Guid partnerId)
    {
        var bit = InvitedFilterBit(partnerId);
        return (Volatile.Read(ref _invitedFilter[bit >> 6]) & (1UL << bit)) != 0;
    }

    private static int InvitedFilterBit(Guid partnerId) => (int)((uint)partnerId.GetHashCode() * 2654435769u >> 12);

    /// <summary>The invitations a partner sent or received, the wins it took part in and its deal conflicts, as copies.</summary>
    public PartnerFacts FactsOf(Guid partnerId)
    {
        lock (_write)
        {
            return new PartnerFacts(_factsByPartner.GetValueOrDefault(partnerId)?.ToList() ?? [], _winsByPartner.GetValueOrDefault(partnerId)?.ToList() ?? [],
                _conflictsByPartner.GetValueOrDefault(partnerId)?.ToList() ?? []);
        }
    }

    /// <summary>Every partner with an invitation, a win or a deal conflict: the subjects of all relationships.</summary>
    public IReadOnlyList<Guid> PartnersWithFacts()
    {
        lock (_write)
        {
            return _factsByPartner.Keys.Union(_winsByPartner.Keys).Union(_conflictsByPartner.Keys).ToList();
        }
    }

    private void Recompute(Guid partnerId)
    {
        var received = _factsByPartner.GetValueOrDefault(partnerId)?.Where(f => f.InviteePartnerId == partnerId).ToList() ?? [];
        var responses = received.Select(f => f.ResponseTime).OfType<TimeSpan>().Order().ToList();
        if (received.Count > 0)
        {
            var bit = InvitedFilterBit(partnerId);
            Interlocked.Or(ref _invitedFilter[bit >> 6], 1UL << bit);
        }
        _records[partnerId] = new PartnerRecord(
            received.Count,
            received.Count(f => f.Outcome is InvitationOutcome.Accepted or InvitationOutcome.Declined),
            received.Count(f => f.Outcome == InvitationOutcome.Accepted),
            received.Count(f => f.Outcome == InvitationOutcome.Declined),
            responses.Count == 0 ? null : responses[responses.Count / 2],
            _winsByPartner.GetValueOrDefault(partnerId)?.Count(w => w.PartnerId == partnerId) ?? 0);
    }

    private static void Add<T>(Dictionary<Guid, List<T>> lists, Guid key, T item)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }
        list.Add(item);
    }

    private static void Remove<T>(Dictionary<Guid, List<T>> lists, Guid key, T item)
    {
        if (lists.TryGetValue(key, out var list))
        {
            list.Remove(item);
        }
    }
}
