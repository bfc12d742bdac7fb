using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.Matching.Infrastructure;
using EcosystemMarket.Matching.Model;
using global::Grpc.Core;

namespace EcosystemMarket.Matching.Grpc;

public sealed class MatchmakerService(PartnerIndex index) : Matchmaker.MatchmakerBase
{
    public const int MaxLimit = 100;

    public override async Task<FindPartnersReply> FindPartners(FindPartnersRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.OwnerPartnerId, out var owner))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "owner_partner_id must be a partner id (GUID)."));
        }
        if (request.Needs.Count == 0 || request.Needs.Any(n => string.IsNullOrWhiteSpace(n.Capability)))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "needs must name at least one capability."));
        }
        var excluded = new HashSet<Guid>();
        foreach (var id in request.ExcludedPartnerIds)
        {
            if (!Guid.TryParse(id, out var partner))
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"excluded_partner_ids contains '{id}', which is not a partner id."));
            }
            excluded.Add(partner);
        }

        var limit = request.Limit is > 0 and <= MaxLimit ? request.Limit : 20;
        var result = await index.FindAsync(
            new MatchRequest(owner, request.Needs.Select(n => new Model.Need(n.Capability, n.MustHave)).ToList(),
                string.IsNullOrEmpty(request.Region) ? null : request.Region, excluded, limit),
            context.CancellationToken);

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
        }));
        return reply;
    }
}
