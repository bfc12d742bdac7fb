using System.Diagnostics.Metrics;
using EcosystemMarket.Brokering.Model;
using static EcosystemMarket.Contracts.Telemetry.EcosystemMetrics;

namespace EcosystemMarket.Brokering.Telemetry;

/// <summary>
/// Brokering's ecosystem figures. Callers record only after their unit of work committed, so a rolled-back
/// change is never counted; every figure is tagged with the opportunity's program vendor.
/// </summary>
public sealed class BrokeringMetrics
{
    // Invitations are answered within minutes to weeks: the default buckets (up to 10 000, made for milliseconds) would
    // put nearly every answer in +Inf.
    private static readonly InstrumentAdvice<double> WaitBuckets = new()
    {
        HistogramBucketBoundaries = [1, 5, 15, 30, 60, 300, 900, 3_600, 4 * 3_600, 12 * 3_600, 86_400, 2 * 86_400, 3 * 86_400, 7 * 86_400, 14 * 86_400, 30 * 86_400],
    };

    private readonly Counter<long> _posted;
    private readonly Counter<long> _matched;
    private readonly Counter<long> _closed;
    private readonly Histogram<double> _timeToTeam;
    private readonly Counter<long> _invitationsSent;
    private readonly Counter<long> _invitationsAnswered;
    private readonly Histogram<double> _responseTime;
    private readonly Counter<long> _registrations;
    private readonly Counter<long> _conflicts;

    public BrokeringMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Meters.Brokering);
        _posted = meter.CreateCounter<long>(OpportunitiesPosted.Name, OpportunitiesPosted.Unit);
        _matched = meter.CreateCounter<long>(OpportunitiesMatched.Name, OpportunitiesMatched.Unit);
        _closed = meter.CreateCounter<long>(OpportunitiesClosed.Name, OpportunitiesClosed.Unit);
        _timeToTeam = meter.CreateHistogram(TimeToTeam.Name, TimeToTeam.Unit, description: null, tags: null, advice: WaitBuckets);
        _invitationsSent = meter.CreateCounter<long>(InvitationsSent.Name, InvitationsSent.Unit);
        _invitationsAnswered = meter.CreateCounter<long>(InvitationsAnswered.Name, InvitationsAnswered.Unit);
        _responseTime = meter.CreateHistogram(InvitationResponseTime.Name, InvitationResponseTime.Unit, description: null, tags: null, advice: WaitBuckets);
        _registrations = meter.CreateCounter<long>(DealRegistrations.Name, DealRegistrations.Unit);
        _conflicts = meter.CreateCounter<long>(DealConflicts.Name, DealConflicts.Unit);
    }

    /// <summary>An opportunity changed status: publication counts as posted, the final states as closed.</summary>
    public void Moved(Opportunity opportunity)
    {
        var vendor = VendorOf(opportunity);
        switch (opportunity.Status)
        {
            case OpportunityStatus.Open:
                _posted.Add(1, vendor);
                break;
            case OpportunityStatus.Won or OpportunityStatus.Lost or OpportunityStatus.Withdrawn or OpportunityStatus.Reversed:
                _closed.Add(1, vendor, new(Tags.Outcome, opportunity.Status.ToString().ToLowerInvariant()));
                break;
        }
    }

    /// <summary>Matching answered the owner's request for suggestions.</summary>
    public void Suggested(Opportunity opportunity, int candidates) =>
        _matched.Add(1, VendorOf(opportunity), new(Tags.Outcome, candidates > 0 ? "matched" : "unmatched"));

    public void Invited(Opportunity? opportunity) => _invitationsSent.Add(1, VendorOf(opportunity));

    /// <summary>
    /// An invitation was accepted, declined or expired. <paramref name="formedTeam"/>: the acceptance was the
    /// opportunity's first, which moves it from Open to Teaming.
    /// </summary>
    public void Answered(Invitation answered, Opportunity? opportunity, DateTimeOffset now, bool formedTeam = false)
    {
        var vendor = VendorOf(opportunity);
        var outcome = new KeyValuePair<string, object?>(Tags.Outcome, answered.Status.ToString().ToLowerInvariant());
        _invitationsAnswered.Add(1, vendor, outcome);
        if (answered.Status is InvitationStatus.Accepted or InvitationStatus.Declined)
        {
            _responseTime.Record((now - answered.CreatedAt).TotalSeconds, vendor, outcome);
        }
        if (formedTeam && opportunity is not null)
        {
            // Only a status move writes updated_at, so an Open opportunity's last update is its publication.
            _timeToTeam.Record((now - opportunity.UpdatedAt).TotalSeconds, vendor);
        }
    }

    /// <summary>A deal registration, counted under its own vendor, and each kind of conflict it raised.</summary>
    public void Registered(DealRegistration registration, IReadOnlyList<string> conflictKinds)
    {
        var vendor = new KeyValuePair<string, object?>(Tags.Vendor, registration.VendorId);
        _registrations.Add(1, vendor);
        foreach (var kind in conflictKinds)
        {
            _conflicts.Add(1, vendor, new(Tags.Kind, kind));
        }
    }

    private static KeyValuePair<string, object?> VendorOf(Opportunity? opportunity) => new(Tags.Vendor, opportunity?.VendorId ?? Tags.NoVendor);
}
