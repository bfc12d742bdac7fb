using System.Text.Json;
using EcosystemMarket.Contracts;
using EcosystemMarket.Contracts.Partners;
using EcosystemMarket.Partners.Infrastructure;
using EcosystemMarket.Partners.Model;
using global::Grpc.Core;
using Microsoft.Extensions.Options;

namespace EcosystemMarket.Partners.Grpc;

/// <summary>Read access to the directory for other services; each record carries the same snapshot the partner events carry.</summary>
public sealed class PartnerDirectoryService(PartnerRepository partners, CapabilityCatalog catalog, BlueprintStore blueprints, IOptions<PartnerDirectoryOptions> options)
    : PartnerDirectory.PartnerDirectoryBase
{
    public const int MaxBatch = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override async Task<PartnerRecord> GetPartner(GetPartnerRequest request, ServerCallContext context)
    {
        var id = ParseId(request.PartnerId, "partner_id");
        var partner = await partners.GetAsync(id, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Partner {id} does not exist."));
        return RecordOf(partner);
    }

    public override async Task<BlueprintRecord> GetBlueprint(GetBlueprintRequest request, ServerCallContext context)
    {
        var id = ParseId(request.BlueprintId, "blueprint_id");
        var blueprint = (await blueprints.GetAsync(id, context.CancellationToken))?.Blueprint
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Blueprint {id} does not exist."));
        return new BlueprintRecord { BlueprintId = blueprint.Id.ToString(), VendorId = blueprint.VendorId, Name = blueprint.Name, Capabilities = { blueprint.Capabilities } };
    }

    public override async Task<GetPartnersReply> GetPartners(GetPartnersRequest request, ServerCallContext context)
    {
        if (request.PartnerIds.Count > MaxBatch)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"partner_ids takes at most {MaxBatch} ids; ask in batches."));
        }
        var ids = request.PartnerIds.Select(id => ParseId(id, "partner_ids")).Distinct().ToList();
        var found = (await partners.GetManyAsync(ids, context.CancellationToken)).ToDictionary(p => p.Id);

        var reply = new GetPartnersReply();
        foreach (var id in ids)
        {
            if (found.TryGetValue(id, out var partner))
            {
                reply.Partners.Add(RecordOf(partner));
            }
            else
            {
                reply.NotFound.Add(id.ToString());
            }
        }
        return reply;
    }

    public override async Task StreamPartners(StreamPartnersRequest request, IServerStreamWriter<PartnerRecord> responseStream, ServerCallContext context)
    {
        var pageSize = options.Value.StreamPageSize;
        Guid? after = null;
        while (true)
        {
            var page = await partners.PageByIdAsync(after, pageSize, context.CancellationToken);
            foreach (var partner in page)
            {
                await responseStream.WriteAsync(RecordOf(partner), context.CancellationToken);
            }
            if (page.Count < pageSize)
            {
                return;
            }
            after = page[^1].Id;
        }
    }

    public override async Task<CheckCapabilitiesReply> CheckCapabilities(CheckCapabilitiesRequest request, ServerCallContext context)
    {
        if (request.Codes.Count > MaxBatch)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"codes takes at most {MaxBatch} codes; ask in batches."));
        }
        var taxonomy = await catalog.KnowingAsync(request.Codes, context.CancellationToken);
        var reply = new CheckCapabilitiesReply();
        foreach (var code in request.Codes.Distinct(StringComparer.Ordinal).Where(code => !CodeFormats.IsCapability(code) || !taxonomy.Contains(code)))
        {
            reply.Unknown.Add(new UnknownCapability { Code = code, Suggestions = { CapabilitySuggester.Suggest(code, taxonomy) } });
        }
        return reply;
    }

    private static PartnerRecord RecordOf(Partner partner) => new()
    {
        PartnerId = partner.Id.ToString(),
        Version = partner.Version,
        SnapshotJson = JsonSerializer.Serialize(partner.ToSnapshot(), Json),
    };

    private static Guid ParseId(string text, string field) =>
        Guid.TryParse(text, out var id)
            ? id
            : throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field} must hold partner ids (GUIDs); '{text}' is not one."));
}
