using System.Security.Claims;
using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Contracts;
using EcosystemMarket.ServiceDefaults;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EcosystemMarket.Brokering.Apis;

public static class ProgramManagementApi
{
    public static RouteGroupBuilder MapProgramManagementApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/opportunities/programs/{vendorId}").WithTags("Program management");
        api.MapGet("/management", GetProgramManagement).WithName(nameof(GetProgramManagement))
            .WithSummary("How a vendor program manages each partner category (formal program, formal support, one-on-one, SLA, marketing and PR)");
        api.MapPut("/management", PutProgramManagement).WithName(nameof(PutProgramManagement))
            .WithSummary("Set how the program manages each partner category (its vendor; If-Match with the ETag read: 428 without it, 412 when stale)");
        api.MapGet("/sla", GetSlaReport).WithName(nameof(GetSlaReport))
            .WithSummary("How SLA-managed partners answered the program's invitations in a period (default: the last 90 days), breaches first");
        return api;
    }

    // Every signed-in user reads it: partners need the program's support contact and whether they answer under an SLA.
    public static async Task<Results<Ok<ProgramManagement>, ValidationProblem>> GetProgramManagement(
        string vendorId, HttpContext context, ProgramManagementStore programs, CancellationToken cancellationToken)
    {
        if (!CodeFormats.IsVendor(vendorId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["vendorId"] = ["'vendorId' must name a vendor's program."] });
        }
        var management = await programs.GetAsync(vendorId, cancellationToken);
        context.Response.Headers.ETag = Preconditions.ETagOf(management.Version);
        return TypedResults.Ok(management);
    }

    public static async Task<Results<Ok<ProgramManagement>, ValidationProblem, ProblemHttpResult>> PutProgramManagement(
        string vendorId, ProgramManagementRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, HttpContext context,
        ProgramManagementStore programs, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (user.VendorId() != vendorId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only the program's vendor manages it.");
        }
        if (ifMatch is null)
        {
            return Preconditions.Required(Preconditions.IfMatch,
                $"PUT replaces the program's settings: send If-Match with the ETag of GET /api/opportunities/programs/{vendorId}/management.");
        }
        var errors = request.Validate();
        if (!Preconditions.TryReadVersion(ifMatch, out var expected))
        {
            errors.Add("If-Match", "'If-Match' must be an ETag this API returned.");
        }
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var current = await programs.GetAsync(vendorId, cancellationToken);
        var changed = request.ApplyTo(current, clock.GetUtcNow());
        if (current.Version != expected || !await programs.SaveAsync(changed, expected, cancellationToken))
        {
            return Preconditions.Failed("The program's settings changed since you read them.", "Read them again and reapply your change.");
        }
        context.Response.Headers.ETag = Preconditions.ETagOf(changed.Version);
        return TypedResults.Ok(changed);
    }

    public static async Task<Results<Ok<SlaReport>, ValidationProblem, ProblemHttpResult>> GetSlaReport(
        string vendorId, string? from, string? to, ClaimsPrincipal user, ProgramManagementStore programs, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.ActsForVendor(vendorId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "A program's SLA is for its vendor and administrators.");
        }
        var errors = new ValidationErrors();
        var now = clock.GetUtcNow();
        var period = ReportingPeriod.Parse(from, to, DateOnly.FromDateTime(now.UtcDateTime), errors);
        if (period is null || !errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var management = await programs.GetAsync(vendorId, cancellationToken);
        return TypedResults.Ok(SlaReport.Of(management, period, await programs.SlaInvitationsAsync(vendorId, period, cancellationToken), now));
    }
}
