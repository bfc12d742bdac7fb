namespace EcosystemMarket.Brokering.Model;

/// <summary>That <see cref="PartnerId"/> was suggested for an opportunity, at a rank (1 = best), with Matching's score and reasons.</summary>
public sealed record PartnerSuggestion(Guid OpportunityId, Guid PartnerId, int Rank, double Score, IReadOnlyList<string> Reasons, DateTimeOffset SuggestedAt);

/// <summary>An opportunity a partner was suggested for, and whether its owner has invited that partner since.</summary>
public sealed record SuggestedOpportunity(Opportunity Opportunity, PartnerSuggestion Suggestion, bool Invited);
