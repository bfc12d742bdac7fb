using System.Security.Claims;
using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Contracts;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.OpenApi;
using EcosystemMarket.ServiceDefaults.Paging;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcosystemMarket.Brokering.Apis;

/// <summary>What the vendor's side names: the person who owns the relationship (for the caller's side).</summary>
[ValidationRequires(nameof(Name))]
public sealed record NameOwnerRequest(string? Name);

/// <summary>
/// A one-on-one relationship as both sides see it: each side's named owner, and whether the program manages the partner's
/// category one-on-one now (only then may owners be named).
/// </summary>
public sealed record RelationshipView(string VendorId, Guid PartnerId, bool ManagedOneOnOne, string? VendorOwner, string? PartnerOwner, DateTimeOffset? UpdatedAt)
{
    public static RelationshipView Of(RelationshipOwners owners, bool managedOneOnOne) =>
        new(owners.VendorId, owners.PartnerId, managedOneOnOne, owners.VendorOwner, owners.PartnerOwner, owners.UpdatedAt);
}

/// <summary>A program opportunity of one-on-one partners, as the vendor sees it: without its customer, as for any non-member.</summary>
public sealed record OneOnOneOpportunityView(OpportunityView Opportunity, IReadOnlyList<OneOnOneParticipant> Partners);

/// <summary>
/// One-on-one relationships of a vendor program: a named owner on each side, and the vendor's view of every deal of its
/// one-on-one partners in its program (those they own and those they were invited to, by the modes stamped when they joined).
/// </summary>
public static class OneOnOneApi
{
    public static RouteGroupBuilder MapOneOnOneApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/opportunities/programs/{vendorId}").WithTags("Program management");
        api.MapGet("/one-on-one", ListOneOnOneOpportunities).WithName(nameof(ListOneOnOneOpportunities))
            .WithSummary("Every opportunity of the program that its one-on-one partners own or were invited to, newest first, without the customer (its vendor)");
        api.MapGet("/relationships", ListRelationships).WithName(nameof(ListRelationships))
            .WithSummary("The program's one-on-one relationships with a named owner on either side (its vendor)");
        api.MapGet("/relationships/{partnerId:guid}", GetRelationship).WithName(nameof(GetRelationship))
            .WithSummary("The named owners of the program's relationship with a partner (its vendor and the partner)");
        api.MapPost("/relationships/{partnerId:guid}/owner", NameRelationshipOwner).WithName(nameof(NameRelationshipOwner))
            .WithSummary("Name the owner on the caller's side (the vendor's or the partner's) of a one-on-one relationship; 409 unless the program manages the partner one-on-one");
        return api;
    }

    public static async Task<Results<Ok<Page<OneOnOneOpportunityView>>, ValidationProblem, ProblemHttpResult>> ListOneOnOneOpportunities(
        string vendorId, string? cursor, int? limit, ClaimsPrincipal user, OpportunityRepository opportunities, CancellationToken cancellationToken)
    {
        if (!user.ActsForVendor(vendorId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "A program's one-on-one deals are for its vendor and administrators.");
        }
        var errors = Paging.Validate(cursor, limit, out var after, out var take);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var page = Paging.ToPage(await opportunities.PageOneOnOneAsync(vendorId, after, take + 1, cancellationToken), take,
            o => OpportunityRepository.CursorOf(o.CreatedAt, o.Id));
        var invitations = await opportunities.InvitationsOfManyAsync(page.Items.Select(o => o.Id).ToList(), cancellationToken);
        return TypedResults.Ok(new Page<OneOnOneOpportunityView>(page.Items
            .Select(o => new OneOnOneOpportunityView(OpportunityView.Of(o, showCustomer: false), OneOnOneParticipants.Of(o, invitations[o.Id])))
            .ToList(), page.NextCursor));
    }

    public static async Task<Results<Ok<Page<RelationshipOwners>>, ValidationProblem, ProblemHttpResult>> ListRelationships(
        string vendorId, string? cursor, int? limit, ClaimsPrincipal user, RelationshipOwnerStore relationships, CancellationToken cancellationToken)
    {
        if (!user.ActsForVendor(vendorId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "A program's relationships are listed to its vendor and administrators.");
        }
        var errors = Paging.Validate(cursor, limit, out var after, out var take);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var fetched = await relationships.PageOfVendorAsync(vendorId, after, take + 1, cancellationToken);
        return TypedResults.Ok(Paging.ToPage(fetched, take, RelationshipOwnerStore.CursorOf));
    }

    public static async Task<Results<Ok<RelationshipView>, ValidationProblem, NotFound, ProblemHttpResult>> GetRelationship(
        string vendorId, Guid partnerId, ClaimsPrincipal user, RelationshipOwnerStore relationships, ProgramManagementStore programs,
        IPartnerDirectoryChecks directory, CancellationToken cancellationToken)
    {
        if (!CodeFormats.IsVendor(vendorId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["vendorId"] = ["'vendorId' must name a vendor's program."] });
        }
        if (!user.ActsForVendor(vendorId) && !user.ActsFor(partnerId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "A relationship is seen by its two sides and administrators.");
        }
        var (program, profiles) = (await programs.GetAsync(vendorId, cancellationToken), await directory.ProfilesAsync([partnerId], cancellationToken));
        if (!profiles.TryGetValue(partnerId, out var partner))
        {
            return TypedResults.NotFound();
        }
        var owners = await relationships.GetAsync(vendorId, partnerId, cancellationToken);
        return TypedResults.Ok(RelationshipView.Of(owners, RelationshipOwners.CanName(program, partnerId, partner) is null));
    }

    public static async Task<Results<Ok<RelationshipView>, ValidationProblem, NotFound, ProblemHttpResult>> NameRelationshipOwner(
        string vendorId, Guid partnerId, NameOwnerRequest request, ClaimsPrincipal user, RelationshipOwnerStore relationships, ProgramManagementStore programs,
        IPartnerDirectoryChecks directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().RequireText("name", request.Name, RelationshipOwners.MaxNameLength);
        if (!CodeFormats.IsVendor(vendorId))
        {
            errors.Add("vendorId", "'vendorId' must name a vendor's program.");
        }
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        // Each side names its own owner: the program's vendor its side, the partner its own.
        RelationshipSide? side = user.VendorId() == vendorId ? RelationshipSide.Vendor : user.PartnerId() == partnerId ? RelationshipSide.Partner : null;
        if (side is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Each side names its own relationship owner: the program's vendor, or the partner.");
        }
        var (program, profiles) = (await programs.GetAsync(vendorId, cancellationToken), await directory.ProfilesAsync([partnerId], cancellationToken));
        if (RelationshipOwners.CanName(program, partnerId, profiles.GetValueOrDefault(partnerId)) is { } violation)
        {
            return ProblemResults.Conflict(violation);
        }
        var named = await relationships.NameAsync(vendorId, partnerId, side.Value, request.Name!.Trim(), clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(RelationshipView.Of(named, managedOneOnOne: true));
    }
}
