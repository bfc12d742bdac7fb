using EcosystemMarket.Portal.Deals;
using EcosystemMarket.Portal.Gateway;

namespace EcosystemMarket.Portal.Program;

public sealed record ManagementJson(string VendorId, IReadOnlyDictionary<string, string> CategoryModes, int SlaResponseHours, string? SupportContact, long Version);

public sealed record ManagementRequest(IReadOnlyDictionary<string, string> CategoryModes, int? SlaResponseHours, string? SupportContact);

public sealed record SlaBreachJson(Guid InvitationId, Guid OpportunityId, Guid PartnerId, DateTimeOffset InvitedAt, DateTimeOffset DueAt, DateTimeOffset? AnsweredAt, TimeSpan Late);

public sealed record PartnerBreachesJson(Guid PartnerId, int Invitations, int Breaches);

public sealed record SlaReportJson(string VendorId, int ResponseHours, DateOnly From, DateOnly To, int Invitations, int AnsweredInTime, int Breaches,
    IReadOnlyList<PartnerBreachesJson> ByPartner, IReadOnlyList<SlaBreachJson> Items);

/// <summary>A one-on-one relationship: each side's named owner, and whether the program manages the partner one-on-one now.</summary>
public sealed record RelationshipJson(string VendorId, Guid PartnerId, bool ManagedOneOnOne, string? VendorOwner, string? PartnerOwner);

/// <summary>Each side's named owner, as the vendor lists its relationships.</summary>
public sealed record RelationshipOwnersJson(string VendorId, Guid PartnerId, string? VendorOwner, string? PartnerOwner);

public sealed record OneOnOneParticipantJson(Guid PartnerId, bool Owner, string? InvitationStatus);

public sealed record OneOnOneOpportunityJson(OpportunityJson Opportunity, IReadOnlyList<OneOnOneParticipantJson> Partners);

/// <summary>How a vendor manages its program's partner categories, and how its SLA partners answer (Brokering, through the gateway).</summary>
public sealed class ManagementApi(GatewayClient gateway)
{
    public static readonly IReadOnlyList<(string Mode, string Name, string Means)> Modes =
    [
        ("formal-program", "Formal program", "tiers, rewards and deal registration (the default)"),
        ("formal-support", "Formal support", "your policies and the support contact below"),
        ("one-on-one", "One-on-one", "a relationship you run by hand, a named owner on each side"),
        ("sla", "SLA", "invitations to them must be answered within the response time below, or it is a breach you see above"),
        ("marketing-pr", "Marketing and PR", "influencers: tracked for their influence, never invited to your program's deals or paid deal rewards"),
    ];

    public Task<GatewayAnswer<ManagementJson>> ReadAsync(string vendor, CancellationToken cancellationToken) =>
        gateway.GetAsync<ManagementJson>($"api/opportunities/programs/{Uri.EscapeDataString(vendor)}/management", cancellationToken);

    public Task<GatewayAnswer<ManagementJson>> SaveAsync(string vendor, ManagementRequest request, string etag, CancellationToken cancellationToken) =>
        gateway.PutAsync<ManagementJson>($"api/opportunities/programs/{Uri.EscapeDataString(vendor)}/management", request, etag, cancellationToken);

    public Task<GatewayAnswer<SlaReportJson>> SlaAsync(string vendor, CancellationToken cancellationToken) =>
        gateway.GetAsync<SlaReportJson>($"api/opportunities/programs/{Uri.EscapeDataString(vendor)}/sla", cancellationToken);

    public Task<GatewayAnswer<ApiPage<OneOnOneOpportunityJson>>> OneOnOneAsync(string vendor, string? cursor, CancellationToken cancellationToken) =>
        gateway.GetAsync<ApiPage<OneOnOneOpportunityJson>>(GatewayClient.With($"api/opportunities/programs/{Uri.EscapeDataString(vendor)}/one-on-one",
            ("limit", "50"), ("cursor", cursor)), cancellationToken);

    public Task<GatewayAnswer<ApiPage<RelationshipOwnersJson>>> RelationshipsAsync(string vendor, CancellationToken cancellationToken) =>
        gateway.GetAsync<ApiPage<RelationshipOwnersJson>>($"api/opportunities/programs/{Uri.EscapeDataString(vendor)}/relationships?limit=200", cancellationToken);

    public Task<GatewayAnswer<RelationshipJson>> RelationshipAsync(string vendor, Guid partner, CancellationToken cancellationToken) =>
        gateway.GetAsync<RelationshipJson>($"api/opportunities/programs/{Uri.EscapeDataString(vendor)}/relationships/{partner}", cancellationToken);

    /// <summary>Names the owner on the caller's side: the vendor's for a vendor user, the partner's for the partner.</summary>
    public Task<GatewayAnswer<RelationshipJson>> NameOwnerAsync(string vendor, Guid partner, string name, CancellationToken cancellationToken) =>
        gateway.PostAsync<RelationshipJson>($"api/opportunities/programs/{Uri.EscapeDataString(vendor)}/relationships/{partner}/owner", new { name }, cancellationToken);
}
