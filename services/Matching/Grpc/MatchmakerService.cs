using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.Matching.Model;
using EcosystemMarket.Matching.Telemetry;
using global::Grpc.Core;

namespace EcosystemMarket.Matching.Grpc;

public sealed class MatchmakerService(PartnerMatcher matcher, MatchingMetrics metrics) : Matchmaker.MatchmakerBase
{
    public const int MaxLimit = 100;
    public const int DefaultLimit = 20;

    public override Task<FindPartnersReply> FindPartners(FindPartnersRequest request, ServerCallContext context)
    {
        if (!matcher.IsReady)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The partner index is still bootstrapping; retry shortly."));
        }
        if (!Guid.TryParse(request.OwnerPartnerId, out var owner))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "owner_partner_id must be a partner id (GUID)."));
        }
        if (request.Needs.Count is 0 or > ComplementRanker.MaxNeeds || request.Needs.Any(n => string.IsNullOrWhiteSpace(n.Capability)))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"needs must name 1 to {ComplementRanker.MaxNeeds} capabilities."));
        }
        var excluded = PartnerIds(request.ExcludedPartnerIds, "excluded_partner_ids");
        var allies = PartnerIds(request.AllyPartnerIds, "ally_partner_ids");
        Guid? blueprint = null;
        if (request.BlueprintId.Length > 0)
        {
            blueprint = Guid.TryParse(request.BlueprintId, out var id)
                ? id
                : throw new RpcException(new Status(StatusCode.InvalidArgument, $"blueprint_id '{request.BlueprintId}' is not a blueprint id (GUID)."));
        }

        var result = metrics.Searched(matcher.Find(new MatchRequest(owner, request.Needs.Select(n => new Model.Need(n.Capability, n.MustHave)).ToList(),
            NullIfEmpty(request.Region), NullIfEmpty(request.Vertical), excluded,
            request.Limit is > 0 and <= MaxLimit ? request.Limit : DefaultLimit, allies) { Blueprint = blueprint }));
        return Task.FromResult(ToReply(result));
    }

    public static FindPartnersReply ToReply(MatchResult result)
    {
        var reply = new FindPartnersReply();
        reply.OwnerLacks.AddRange(result.OwnerLacks);
        reply.Candidates.AddRange(result.Candidates.Select(c => new Candidate
        {
            PartnerId = c.PartnerId.ToString(),
            Name = c.Name,
            Score = c.Score,
            CoversMustHave = { c.CoversMustHave },
            CoversNiceToHave = { c.CoversNiceToHave },
            Reasons = { c.Reasons },
            Breakdown = { c.Breakdown.Select(p => new ScoreComponent { Name = p.Name, Points = p.Points, Explanation = p.Explanation }) },
        }));
        return reply;
    }

    private static HashSet<Guid> PartnerIds(IEnumerable<string> ids, string field)
    {
        var partners = new HashSet<Guid>();
        foreach (var id in ids)
        {
            if (!Guid.TryParse(id, out var partner))
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field} contains '{id}', which is not a partner id."));
            }
            partners.Add(partner);
        }
        return partners;
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
}
