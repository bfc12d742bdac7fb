using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.Portal.Gateway;
using EcosystemMarket.Portal.Program;
using static EcosystemMarket.Portal.Gateway.GatewayClient;

namespace EcosystemMarket.Portal.Blueprints;

public sealed record BlueprintJson(Guid Id, string VendorId, string Name, string Description, IReadOnlyList<string> Capabilities, DateTimeOffset PublishedAt, int Adopters)
{
    /// <summary>How the pickers name it: the vendor says whose program an opportunity around it belongs to.</summary>
    public string Label => VendorId.Length == 0 ? Name : $"{Name} ({VendorId})";
}

public sealed record PublishBlueprintJson(string Name, string? Description, IReadOnlyList<string> Capabilities);

/// <summary>Vendor blueprints through the gateway: published in Partners, the pipeline they drive counted by Brokering.</summary>
public sealed class BlueprintsApi(GatewayClient gateway)
{
    /// <summary>Every published blueprint (one vendor's, or all), page after page; the first failing page's answer otherwise.</summary>
    public async Task<GatewayAnswer<IReadOnlyList<BlueprintJson>>> AllAsync(string? vendor, CancellationToken cancellationToken)
    {
        var all = new List<BlueprintJson>();
        string? cursor = null;
        do
        {
            var page = await gateway.GetAsync<ApiPage<BlueprintJson>>(With("api/partners/blueprints",
                ("vendor", vendor), ("limit", "200"), ("cursor", cursor)), cancellationToken);
            if (page.Value is not { } value)
            {
                return new GatewayAnswer<IReadOnlyList<BlueprintJson>>(null, page.Status, page.Problem, Errors: page.Errors);
            }
            all.AddRange(value.Items);
            cursor = value.NextCursor;
        }
        while (cursor is not null);
        return new GatewayAnswer<IReadOnlyList<BlueprintJson>>(all, System.Net.HttpStatusCode.OK, null);
    }

    public Task<GatewayAnswer<BlueprintJson>> PublishAsync(PublishBlueprintJson blueprint, CancellationToken cancellationToken) =>
        gateway.PostAsync<BlueprintJson>("api/partners/blueprints", blueprint, cancellationToken);

    /// <summary>The program's opportunity figures over the last 90 days, whose blueprint rows are the pipeline each blueprint drove.</summary>
    public Task<GatewayAnswer<OpportunityFigures>> FiguresAsync(string vendor, CancellationToken cancellationToken) =>
        gateway.GetAsync<OpportunityFigures>(With("api/opportunities/figures", ("vendor", vendor)), cancellationToken);
}
