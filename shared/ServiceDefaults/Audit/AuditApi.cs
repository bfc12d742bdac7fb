using System.Security.Claims;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Paging;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace EcosystemMarket.ServiceDefaults.Audit;

public static class AuditApi
{
    /// <summary>
    /// <c>GET {prefix}/audit</c>: the service's audit log, newest first. A partner reads its organisation's entries, a vendor its
    /// program's, an administrator everything (or one partner's or program's). The cursor is the last entry's id: ids are
    /// UUIDv7 and ordered by time in every service, so a client merging several services' logs passes one cursor to each.
    /// </summary>
    public static RouteHandlerBuilder MapAuditLog(this IEndpointRouteBuilder app, string prefix) =>
        app.MapGet($"{prefix}/audit", ReadAuditLog).WithTags("Audit log").WithName($"ReadAuditLog{prefix.Replace("/api/", "", StringComparison.Ordinal)}")
            .WithSummary("The audit log of this service's changes, newest first: who, acting for whom, what, when, from which request");

    public static async Task<Results<Ok<Page<AuditEntry>>, ValidationProblem, ProblemHttpResult>> ReadAuditLog(
        Guid? partnerId, string? vendorId, string? subjectId, string? cursor, int? limit, ClaimsPrincipal user, IAuditLog log, CancellationToken cancellationToken)
    {
        var errors = Paging.Paging.ValidateLimit(limit, out var take);
        Guid? before = null;
        if (cursor is not null)
        {
            if (Guid.TryParseExact(cursor, "D", out var id))
            {
                before = id;
            }
            else
            {
                errors.Add("cursor", "'cursor' must be the id of an audit entry this API returned.");
            }
        }
        if (subjectId is { Length: > 100 })
        {
            errors.Add("subjectId", "'subjectId' must be at most 100 characters.");
        }
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        AuditQuery query;
        if (user.IsAdmin())
        {
            query = new(partnerId, vendorId, subjectId, before, take + 1);
        }
        else if (user.PartnerId() is { } own && vendorId is null && (partnerId is null || partnerId == own))
        {
            query = new(own, null, subjectId, before, take + 1);
        }
        else if (user.VendorId() is { } program && partnerId is null && (vendorId is null || vendorId == program))
        {
            query = new(null, program, subjectId, before, take + 1);
        }
        else
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your audit log.",
                detail: "A partner reads its own organisation's entries, a vendor its own program's; an administrator reads any.");
        }

        var entries = await log.ReadAsync(query, cancellationToken);
        return TypedResults.Ok(entries.Count > take
            ? new Page<AuditEntry>(entries.Take(take).ToList(), entries[take - 1].Id.ToString("D"))
            : new Page<AuditEntry>(entries, null));
    }
}
