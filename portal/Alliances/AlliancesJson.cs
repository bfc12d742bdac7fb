using EcosystemMarket.Portal.Deals;

namespace EcosystemMarket.Portal.Alliances;

public sealed record AllianceScopeJson(IReadOnlyList<string> Capabilities, IReadOnlyList<string> Regions, IReadOnlyList<string> VendorPrograms);

public sealed record ProposeAllianceJson(string Name, IReadOnlyList<Guid> Members, AllianceScopeJson Scope, string SharingLevel);

public sealed record AllianceSummaryJson(Guid Id, string Name, string State, string SharingLevel, string MyStatus, int Members, int Accepted, DateTimeOffset CreatedAt);

public sealed record AllianceMemberJson(Guid PartnerId, string Name, string Status, DateTimeOffset? AnsweredAt);

public sealed record AllianceJson(
    Guid Id, string Name, Guid ProposedBy, string State, string SharingLevel, AllianceScopeJson Scope, IReadOnlyList<AllianceMemberJson> Members,
    int SharedOpportunities, DateTimeOffset CreatedAt);

public sealed record AllianceDifferenceJson(Guid PartnerId, string Name, IReadOnlyList<string> Covers);

public sealed record PipelineEntryJson(
    Guid OpportunityId, Guid OwnerPartnerId, string OwnerName, DateTimeOffset SharedAt, string Industry, string Region, IReadOnlyList<NeedJson> Needs,
    decimal? EstimatedValue, string? Currency, DateOnly? CloseDate, string? Status, CustomerJson? Customer, bool CustomerVisible,
    IReadOnlyList<Guid> AlliesOnTeam, IReadOnlyList<AllianceDifferenceJson> Differences, bool CanInviteAllies);

public sealed record AllianceResultsJson(int Shared, int Teamed, int Won, IReadOnlyDictionary<string, decimal> ValueWon);

public sealed record ShareJson(Guid OpportunityId);

public sealed record SharedJson(Guid OpportunityId, Guid OwnerPartnerId, DateTimeOffset SharedAt);

public sealed record OpportunitySharingJson(Guid OpportunityId, IReadOnlyList<Guid> AllianceIds);
