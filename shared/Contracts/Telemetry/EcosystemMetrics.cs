namespace EcosystemMarket.Contracts.Telemetry;

/// <summary>
/// The ecosystem (business) metrics the services publish through System.Diagnostics.Metrics and the
/// dashboard reads back from their Prometheus endpoints. One catalogue, so that the names a service emits and
/// the names the dashboard charts cannot drift apart. Every instrument of a program-scoped figure carries the
/// <see cref="Tags.Vendor"/> tag: the vendor whose partner program the figure belongs to, or
/// <see cref="Tags.NoVendor"/> when there is none; a vendor user is shown only series with its own vendor.
/// </summary>
public static class EcosystemMetrics
{
    public static class Meters
    {
        public const string Partners = "EcosystemMarket.Partners";
        public const string Matching = "EcosystemMarket.Matching";
        public const string Brokering = "EcosystemMarket.Brokering";
        public const string Settlement = "EcosystemMarket.Settlement";

        /// <summary>Every meter above: what ServiceDefaults registers with the metrics pipeline.</summary>
        public static readonly IReadOnlyList<string> All = [Partners, Matching, Brokering, Settlement];
    }

    public static class Tags
    {
        public const string Vendor = "vendor";
        /// <summary>The value of <see cref="Vendor"/> for a figure outside any vendor's program.</summary>
        public const string NoVendor = "none";
        /// <summary>
        /// The value of <see cref="Vendor"/> on partner gauges that count the whole ecosystem once: a partner
        /// in several programs counts once here and once in each program's series.
        /// </summary>
        public const string AllVendors = "*";
        public const string Type = "type";
        public const string Tier = "tier";
        public const string Region = "region";
        public const string Outcome = "outcome";
        public const string Currency = "currency";
        public const string State = "state";
        public const string Kind = "kind";
    }

    /// <summary>
    /// An instrument: its OpenTelemetry name and unit, and the name the Prometheus exporter gives it. Every series
    /// also carries the exporter's <c>otel_scope_name</c> label (the meter's name); a histogram is exposed as
    /// <c>{PrometheusName}_bucket</c> (with <c>le</c>), <c>_sum</c> and <c>_count</c>.
    /// </summary>
    public sealed record Instrument(string Name, string Unit, string PrometheusName);

    // Partners — observable gauges, refreshed from the database in the background; tags: vendor, and type | tier | region.
    public static readonly Instrument PartnersByType = Gauge("ecosystem.partners.by_type", "{partner}");
    public static readonly Instrument PartnersByTier = Gauge("ecosystem.partners.by_tier", "{partner}");
    public static readonly Instrument PartnersByRegion = Gauge("ecosystem.partners.by_region", "{partner}");

    // Matching — tags: outcome = matched | unmatched (a search that returned at least one complementary partner).
    public static readonly Instrument MatchSearches = Counter("ecosystem.matching.searches", "{search}");

    // Brokering — tags: vendor (the opportunity's program vendor).
    public static readonly Instrument OpportunitiesPosted = Counter("ecosystem.opportunities.posted", "{opportunity}");
    /// <summary>
    /// tags: vendor, outcome = matched | unmatched (Matching suggested at least one partner). Brokering asks Matching
    /// only when the owner asks for suggestions (GET /api/opportunities/{id}/suggestions), never at publication: each
    /// answered request counts once, so an owner who asks twice counts twice.
    /// </summary>
    public static readonly Instrument OpportunitiesMatched = Counter("ecosystem.opportunities.matched", "{opportunity}");
    /// <summary>tags: vendor, outcome = won | lost | withdrawn | reversed.</summary>
    public static readonly Instrument OpportunitiesClosed = Counter("ecosystem.opportunities.closed", "{opportunity}");
    /// <summary>From publication to the first accepted invitation; tags: vendor.</summary>
    public static readonly Instrument TimeToTeam = Histogram("ecosystem.opportunities.time_to_team", "s");
    public static readonly Instrument InvitationsSent = Counter("ecosystem.invitations.sent", "{invitation}");
    /// <summary>tags: vendor, outcome = accepted | declined | expired.</summary>
    public static readonly Instrument InvitationsAnswered = Counter("ecosystem.invitations.answered", "{invitation}");
    /// <summary>From invitation to answer (accepted or declined); tags: vendor, outcome.</summary>
    public static readonly Instrument InvitationResponseTime = Histogram("ecosystem.invitations.response_time", "s");
    public static readonly Instrument DealRegistrations = Counter("ecosystem.deal_registrations", "{registration}");
    /// <summary>tags: vendor, kind = overlap | poaching.</summary>
    public static readonly Instrument DealConflicts = Counter("ecosystem.deal_registrations.conflicts", "{conflict}");

    // Settlement — observable gauges from the ledger; tags: vendor, currency, state = accrued | payable | paid | clawed-back.
    public static readonly Instrument Rewards = Gauge("ecosystem.rewards.amount", "{currency_unit}");

    private static Instrument Counter(string name, string unit) => new(name, unit, Prometheus(name, unit) + "_total");
    private static Instrument Gauge(string name, string unit) => new(name, unit, Prometheus(name, unit));
    private static Instrument Histogram(string name, string unit) => new(name, unit, Prometheus(name, unit));

    // The exporter's rule (checked against its output by the service tests): dots become underscores, then the unit's
    // word is appended, except for an annotation in braces such as {partner}, which names no unit and is dropped.
    private static string Prometheus(string name, string unit) => name.Replace('.', '_') + unit switch
    {
        _ when unit.StartsWith('{') => "",
        "s" => "_seconds",
        "By" => "_bytes",
        "1" => "_ratio",
        _ => "_" + unit,
    };
}
