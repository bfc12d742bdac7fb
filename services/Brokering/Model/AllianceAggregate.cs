using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.Brokering.Model;

/// <summary>
/// An alliance with its members and the opportunities they share: proposed by a member, in force when every other
/// member accepted, ended by a decline or when fewer than two members are left. Each method checks its rule against
/// the state as read, changes it and returns the events to publish; the repository saves only from
/// <see cref="LoadedVersion"/>. Asking again for what is already so (accepting twice, sharing twice) changes nothing
/// and succeeds, so a retried write is harmless.
/// </summary>
public sealed class AllianceAggregate
{
    private readonly List<AllianceMember> _members;
    private readonly List<SharedOpportunity> _shared;
    private readonly HashSet<Guid> _changedMembers = [];
    private readonly List<SharedOpportunity> _newlyShared = [];
    private readonly List<SharedOpportunity> _unshared = [];

    public AllianceAggregate(Alliance alliance, IEnumerable<AllianceMember> members, IEnumerable<SharedOpportunity> shared)
    {
        Alliance = alliance;
        LoadedVersion = alliance.Version;
        LoadedState = alliance.State;
        _members = members.ToList();
        _shared = shared.ToList();
    }

    public Alliance Alliance { get; private set; }
    public IReadOnlyList<AllianceMember> Members => _members;
    public IReadOnlyList<SharedOpportunity> Shared => _shared;
    public long LoadedVersion { get; }
    public AllianceState LoadedState { get; }

    /// <summary>Members whose status changed since the aggregate was read: to update.</summary>
    public IEnumerable<AllianceMember> ChangedMembers => _members.Where(m => _changedMembers.Contains(m.PartnerId));
    public IReadOnlyList<SharedOpportunity> NewlyShared => _newlyShared;
    public IReadOnlyList<SharedOpportunity> Unshared => _unshared;

    public bool HasChanges => _changedMembers.Count > 0 || _newlyShared.Count > 0 || _unshared.Count > 0;

    public AllianceMember? Member(Guid? partner) => _members.FirstOrDefault(m => m.PartnerId == partner);

    /// <summary>Listed as a member, whatever its answer: may read the alliance.</summary>
    public bool IsMember(Guid? partner) => Member(partner) is not null;

    /// <summary>Takes part in an alliance in force: may read its pipeline and share.</summary>
    public bool IsActiveMember(Guid? partner) => Alliance.State == AllianceState.InForce && Member(partner) is { IsActive: true };

    public IEnumerable<Guid> ActiveMembers => _members.Where(m => m.IsActive).Select(m => m.PartnerId);

    /// <summary>A new proposal: the proposer has accepted by proposing; every other member is asked.</summary>
    public static (AllianceAggregate? Aggregate, Outcome Outcome) Propose(
        Guid id, string name, Guid proposer, IReadOnlyCollection<Guid> others, AllianceScope scope, SharingLevel level, DateTimeOffset now)
    {
        var invited = others.Where(o => o != proposer).Distinct().ToList();
        if (invited.Count + 1 is < Alliance.MinMembers or > Alliance.MaxMembers)
        {
            return (null, Outcome.Refuse(new("An alliance has 2 to 10 members.",
                $"It would have {invited.Count + 1}, the proposer included.") { Unprocessable = true }));
        }
        var alliance = new Alliance
        {
            Id = id, Name = name, ProposedBy = proposer, Scope = scope, Level = level, State = AllianceState.Proposed, CreatedAt = now, UpdatedAt = now,
        };
        var members = invited.Select(p => new AllianceMember(p, MembershipStatus.Pending, null)).Prepend(new(proposer, MembershipStatus.Accepted, now)).ToList();
        var proposed = new AllianceProposed
        {
            AllianceId = id, Name = name, ProposedBy = proposer, Members = members.ConvertAll(m => m.PartnerId), SharingLevel = level.Name(), OccurredAt = now,
        };
        return (new AllianceAggregate(alliance, members, []), new Outcome { Events = [proposed] });
    }

    /// <summary>A member accepts the proposal; the last acceptance puts the alliance in force.</summary>
    public Outcome Accept(Guid partner, DateTimeOffset now)
    {
        if (Member(partner) is { Status: MembershipStatus.Accepted })
        {
            return new Outcome();
        }
        if (Answerable(partner) is { } violation)
        {
            return Outcome.Refuse(violation);
        }
        Change(partner, MembershipStatus.Accepted, now);
        if (_members.Any(m => m.Status == MembershipStatus.Pending))
        {
            return new Outcome();
        }
        Move(AllianceState.InForce, now);
        return new Outcome
        {
            Events = [new AllianceFormed { AllianceId = Alliance.Id, Name = Alliance.Name, Members = ActiveMembers.ToList(), OccurredAt = now }],
        };
    }

    /// <summary>A member declines: the proposal ends for everyone.</summary>
    public Outcome Decline(Guid partner, DateTimeOffset now)
    {
        if (Member(partner) is { Status: MembershipStatus.Declined })
        {
            return new Outcome();
        }
        if (Answerable(partner) is { } violation)
        {
            return Outcome.Refuse(violation);
        }
        Change(partner, MembershipStatus.Declined, now);
        Move(AllianceState.Ended, now);
        return new Outcome();
    }

    /// <summary>A member leaves, taking its shared opportunities with it; with fewer than two members left the alliance ends.</summary>
    public Outcome Leave(Guid partner, DateTimeOffset now)
    {
        var member = Member(partner);
        if (member is { Status: MembershipStatus.Left })
        {
            return new Outcome();
        }
        if (member is not { IsActive: true } || Alliance.State == AllianceState.Ended)
        {
            return Outcome.Refuse(new("Only a member taking part can leave.",
                Alliance.State == AllianceState.Ended ? "The alliance has ended." : "Answer the proposal instead: accept or decline it."));
        }
        Change(partner, MembershipStatus.Left, now);
        foreach (var shared in _shared.Where(s => s.OwnerPartnerId == partner).ToList())
        {
            Remove(shared);
        }
        var remaining = _members.Count(m => m.Status is MembershipStatus.Accepted or MembershipStatus.Pending);
        if (remaining < Alliance.MinMembers)
        {
            Move(AllianceState.Ended, now);
            return new Outcome();
        }
        if (Alliance.State == AllianceState.Proposed && !_members.Any(m => m.Status == MembershipStatus.Pending))
        {
            // The proposer left a proposal everyone else had accepted: those who accepted are the alliance.
            Move(AllianceState.InForce, now);
            return new Outcome
            {
                Events = [new AllianceFormed { AllianceId = Alliance.Id, Name = Alliance.Name, Members = ActiveMembers.ToList(), OccurredAt = now }],
            };
        }
        return new Outcome();
    }

    /// <summary>A member shares one of its own opportunities: it must be published and within the alliance's scope.</summary>
    public Outcome Share(Opportunity opportunity, Guid partner, DateTimeOffset now)
    {
        if (!IsActiveMember(partner))
        {
            return Outcome.Refuse(new("Only members of an alliance in force share with it.", $"The alliance is {Alliance.State}."));
        }
        if (!opportunity.IsOwnedBy(partner))
        {
            return Outcome.Refuse(new("A member shares only its own opportunities.", $"Opportunity {opportunity.Id} is another partner's."));
        }
        if (_shared.Any(s => s.OpportunityId == opportunity.Id))
        {
            return new Outcome();
        }
        if (opportunity.Status == OpportunityStatus.Draft)
        {
            return Outcome.Refuse(new("A draft cannot be shared.", "Publish the opportunity first."));
        }
        if (Alliance.Scope.Excludes(opportunity) is { } reason)
        {
            return Outcome.Refuse(new("The opportunity is outside the alliance's scope.", reason) { Unprocessable = true });
        }
        var shared = new SharedOpportunity(opportunity.Id, partner, now);
        _shared.Add(shared);
        _newlyShared.Add(shared);
        Touch(now);
        return new Outcome();
    }

    /// <summary>The owner takes its opportunity back out of the shared pipeline.</summary>
    public Outcome Unshare(Guid opportunityId, Guid partner, DateTimeOffset now)
    {
        if (_shared.FirstOrDefault(s => s.OpportunityId == opportunityId) is not { } shared)
        {
            return new Outcome();
        }
        if (shared.OwnerPartnerId != partner)
        {
            return Outcome.Refuse(new("Only its owner unshares an opportunity.", $"Opportunity {opportunityId} is another member's."));
        }
        Remove(shared);
        Touch(now);
        return new Outcome();
    }

    /// <summary>Allies of the opportunity's owner for it: the other members taking part, if the owner takes part and the scope covers it.</summary>
    public IEnumerable<Guid> AlliesFor(Opportunity opportunity) =>
        IsActiveMember(opportunity.OwnerPartnerId) && Alliance.Scope.Includes(opportunity)
            ? ActiveMembers.Where(m => m != opportunity.OwnerPartnerId)
            : [];

    private RuleViolation? Answerable(Guid partner) => Member(partner) switch
    {
        null => new("Not a member of this alliance.", $"Partner {partner} was not asked to join it."),
        { Status: not MembershipStatus.Pending } member => new("The proposal was already answered.", $"This member's answer is {member.Status}."),
        _ when Alliance.State != AllianceState.Proposed => new("The proposal is no longer open.", $"The alliance is {Alliance.State}."),
        _ => null,
    };

    private void Change(Guid partner, MembershipStatus status, DateTimeOffset now)
    {
        var index = _members.FindIndex(m => m.PartnerId == partner);
        _members[index] = _members[index] with { Status = status, AnsweredAt = now };
        _changedMembers.Add(partner);
        Touch(now);
    }

    private void Remove(SharedOpportunity shared)
    {
        _shared.Remove(shared);
        if (!_newlyShared.Remove(shared))
        {
            _unshared.Add(shared);
        }
    }

    private void Move(AllianceState state, DateTimeOffset now) => Alliance = Alliance with { State = state, UpdatedAt = now };

    private void Touch(DateTimeOffset now) => Alliance = Alliance with { UpdatedAt = now };
}
