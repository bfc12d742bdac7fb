using System.Security.Claims;
using EcosystemMarket.Partners.Infrastructure;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Partners.Apis;

public static class BlueprintsApi
{
    public const int AdoptersShown = 50;

    public static RouteGroupBuilder MapBlueprintsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partners/blueprints").WithTags("Blueprints");
        api.MapPost("/", PublishBlueprint).WithName(nameof(PublishBlueprint))
            .WithSummary("Publish a blueprint of the caller's vendor: the capabilities delivering it takes (vendors)");
        api.MapGet("/", ListBlueprints).WithName(nameof(ListBlueprints))
            .WithSummary("Published blueprints, one vendor's or all, by name, each with how many partners adopt it");
        api.MapGet("/{id:guid}", GetBlueprint).WithName(nameof(GetBlueprint))
            .WithSummary("One blueprint with the partners that adopt it (the first 50 by name)");
        return api;
    }

    public static async Task<Results<Created<BlueprintView>, ValidationProblem, ProblemHttpResult>> PublishBlueprint(
        BlueprintDraft draft, ClaimsPrincipal user, BlueprintStore blueprints, CapabilityCatalog catalog, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (user.VendorId() is not { } vendorId)
        {
            return ProblemResults.Forbidden("Only a vendor publishes blueprints.", $"The token carries no '{ClaimNames.VendorId}' claim.");
        }
        var taxonomy = await catalog.KnowingAsync((draft.Capabilities ?? []).OfType<string>(), cancellationToken);
        var errors = draft.Validate(taxonomy);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var blueprint = draft.Publish(Guid.CreateVersion7(), vendorId, user.Identity?.Name ?? user.FindFirstValue(ClaimNames.Subject) ?? vendorId, clock.GetUtcNow());
        if (!await blueprints.PublishAsync(blueprint, cancellationToken))
        {
            return ProblemResults.Conflict("This vendor already published a blueprint of this name.",
                $"'{blueprint.Name}' exists; blueprints are kept as published, so publish a new version under a new name.");
        }
        return TypedResults.Created($"/api/partners/blueprints/{blueprint.Id}", BlueprintView.Of(new PublishedBlueprint(blueprint, 0), []));
    }

    public static async Task<Results<Ok<Page<BlueprintView>>, ValidationProblem>> ListBlueprints(
        string? vendor, string? cursor, int? limit, BlueprintStore blueprints, CancellationToken cancellationToken)
    {
        var errors = Paging.Validate(cursor, limit, out var after, out var take);
        if (vendor is not null)
        {
            errors.RequireVendorId("vendor", vendor);
        }
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var fetched = await blueprints.PageAsync(vendor, after, take + 1, cancellationToken);
        var page = Paging.ToPage(fetched, take, b => new PageCursor(b.Blueprint.Name, b.Blueprint.Id));
        return TypedResults.Ok(new Page<BlueprintView>(page.Items.Select(b => BlueprintView.Of(b, null)).ToList(), page.NextCursor));
    }

    public static async Task<Results<Ok<BlueprintView>, NotFound>> GetBlueprint(Guid id, BlueprintStore blueprints, CancellationToken cancellationToken)
    {
        if (await blueprints.GetAsync(id, cancellationToken) is not { } published)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(BlueprintView.Of(published, await blueprints.AdoptersAsync(id, AdoptersShown, cancellationToken)));
    }
}

/// <summary>A blueprint as the API shows it; <see cref="AdoptedBy"/> only on a single blueprint's read.</summary>
public sealed record BlueprintView(Guid Id, string VendorId, string Name, string Description, IReadOnlyList<string> Capabilities,
    DateTimeOffset PublishedAt, int Adopters, IReadOnlyList<BlueprintAdopter>? AdoptedBy)
{
    public static BlueprintView Of(PublishedBlueprint published, IReadOnlyList<BlueprintAdopter>? adoptedBy)
    {
        var b = published.Blueprint;
        return new(b.Id, b.VendorId, b.Name, b.Description, b.Capabilities, b.PublishedAt, published.Adopters, adoptedBy);
    }
}
