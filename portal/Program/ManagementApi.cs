using EcosystemMarket.Portal.Gateway;

namespace EcosystemMarket.Portal.Program;

public sealed record ManagementJson(string VendorId, IReadOnlyDictionary<string, string> CategoryModes, int SlaResponseHours, string? SupportContact, long Version);

public sealed record ManagementRequest(IReadOnlyDictionary<string, string> CategoryModes, int? SlaResponseHours, string? SupportContact);

public sealed record SlaBreachJson(Guid InvitationId, Guid OpportunityId, Guid PartnerId, DateTimeOffset InvitedAt, DateTimeOffset DueAt, DateTimeOffset? AnsweredAt, TimeSpan Late);

public sealed record PartnerBreachesJson(Guid PartnerId, int Invitations, int Breaches);

public sealed record SlaReportJson(string VendorId, int ResponseHours, DateOnly From, DateOnly To, int Invitations, int AnsweredInTime, int Breaches,
    IReadOnlyList<PartnerBreachesJson> ByPartner, IReadOnlyList<SlaBreachJson> Items);

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
}
