using System.Security.Claims;
using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Brokering.Telemetry;
using EcosystemMarket.Contracts;
using EcosystemMarket.Data;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using EcosystemMarket.ServiceDefaults.OpenApi;

namespace EcosystemMarket.Brokering.Apis;

[ValidationRequires(nameof(VendorId), nameof(CustomerName), nameof(Scope))]
public sealed record RegisterDealRequest(string? VendorId, string? CustomerName, IReadOnlyList<string>? Scope, Guid? OpportunityId);

public sealed record ChainVerification(bool Intact, int Length, long? FirstBrokenSequence);

public sealed class DealRegistrationOptions
{
    /// <summary>How long the first registrant of a customer is protected against later registrations.</summary>
    public TimeSpan ProtectionPeriod { get; set; } = TimeSpan.FromDays(90);
}

public static class DealRegistrationsApi
{
    private const int MaxAttempts = 5;

    public static RouteGroupBuilder MapDealRegistrationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/deal-registrations").WithTags("Deal registrations");
        api.MapPost("/", RegisterDeal).WithName(nameof(RegisterDeal)).WithSummary("Register a deal with a vendor: first come, first protected");
        api.MapGet("/", ListDealRegistrations).WithName(nameof(ListDealRegistrations)).WithSummary("A partner's own registrations; a vendor's program's, conflicts included");
        api.MapGet("/{id:guid}", GetDealRegistration).WithName(nameof(GetDealRegistration)).WithSummary("One registration, for its registrant or its vendor");
        api.MapGet("/chain", VerifyChain).WithName(nameof(VerifyChain)).WithSummary("Recompute the hash chain: proves no registration's time or content changed");
        return api;
    }

    public static async Task<Results<Created<RegistrantDealRegistration>, ValidationProblem, NotFound, ProblemHttpResult>> RegisterDeal(
        RegisterDealRequest request, ClaimsPrincipal user, DealRegistrationRepository registrations, OpportunityRepository opportunities,
        IPartnerDirectoryChecks directory, BrokeringMetrics metrics, TimeProvider clock, IOptions<DealRegistrationOptions> options, CancellationToken cancellationToken)
    {
        if (user.PartnerId() is not { } registrant)
        {
            return ProblemResults.NoPartner();
        }
        var errors = new ValidationErrors().RequireText("customerName", request.CustomerName, 200);
        if (!CodeFormats.IsVendor(request.VendorId))
        {
            errors.Add("vendorId", "'vendorId' must name the vendor's program (lower-case letters, digits and dashes).");
        }
        if (request.Scope is not { Count: > 0 and <= 50 } || request.Scope.Any(c => !CodeFormats.IsCapability(c)))
        {
            errors.Add("scope", "'scope' must list 1 to 50 capability codes, such as 'storage.backup'.");
        }
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        if (request.OpportunityId is { } opportunityId && (await opportunities.GetAsync(opportunityId, cancellationToken))?.IsOwnedBy(registrant) != true)
        {
            return TypedResults.NotFound();
        }
        if (await Participation.RefusedAsync(directory, registrant, invitee: null, cancellationToken) is { } refused)
        {
            return refused;
        }

        var asked = new DealRegistrationRequest(request.VendorId!, registrant, request.OpportunityId, request.CustomerName!, request.Scope!);
        var decision = await AppendWithRetriesAsync(asked, registrations, clock, options.Value.ProtectionPeriod, cancellationToken);
        metrics.Registered(decision.Registration, decision.ConflictKinds);
        return TypedResults.Created($"/api/deal-registrations/{decision.Registration.Id}", RegistrantDealRegistration.Of(decision.Registration, null));
    }

    /// <summary>
    /// Appends the registration decided from a fresh read of the chain. Two registrations decided from the same last link
    /// cannot both be appended (the sequence is unique): the one that loses reads again and is decided again, so it sees
    /// the winner (and is in conflict with it, when it registered the same customer).
    /// </summary>
    private static async Task<DealRegistrationDecision> AppendWithRetriesAsync(DealRegistrationRequest asked, DealRegistrationRepository registrations,
        TimeProvider clock, TimeSpan protectionPeriod, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var unit = await registrations.BeginAsync(cancellationToken);
                var decision = DealRegistration.Register(asked, await registrations.LastAsync(unit, cancellationToken),
                    await registrations.SameCustomerAsync(unit, asked.VendorId, DealRegistrationRules.NormaliseCustomer(asked.CustomerName), cancellationToken),
                    await registrations.InvitedCustomersAsync(unit, asked.RegistrantPartnerId, cancellationToken), clock.GetUtcNow(), protectionPeriod);
                await registrations.InsertAsync(unit, decision.Registration, cancellationToken);
                await unit.PublishAsync(decision.Announcement, cancellationToken);
                await unit.CommitAsync(cancellationToken);
                return decision;
            }
            catch (Exception exception) when (attempt < MaxAttempts && (exception.IsUniqueViolation() || exception is ConcurrencyConflictException))
            {
            }
        }
    }

    public static async Task<Results<Ok<IReadOnlyList<VendorDealRegistration>>, Ok<IReadOnlyList<RegistrantDealRegistration>>, ProblemHttpResult>> ListDealRegistrations(
        ClaimsPrincipal user, DealRegistrationRepository registrations, VendorDecisionStore decisions, CancellationToken cancellationToken)
    {
        if (user.VendorId() is { } vendor)
        {
            var program = await registrations.OfVendorAsync(vendor, cancellationToken);
            var decided = await decisions.OfVendorAsync(vendor, cancellationToken);
            return TypedResults.Ok<IReadOnlyList<VendorDealRegistration>>(program.Select(r => VendorDealRegistration.Of(r, decided.GetValueOrDefault(r.Id))).ToList());
        }
        if (user.PartnerId() is not { } partner)
        {
            return ProblemResults.NoPartner();
        }
        var own = await registrations.OfRegistrantAsync(partner, cancellationToken);
        var decisionsOnOwn = await decisions.OfRegistrantAsync(partner, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RegistrantDealRegistration>>(own.Select(r => RegistrantDealRegistration.Of(r, decisionsOnOwn.GetValueOrDefault(r.Id))).ToList());
    }

    /// <summary>The vendor of the registration's program (or an administrator) sees it in full; its registrant sees its own view; anyone else, nothing.</summary>
    public static async Task<Results<Ok<VendorDealRegistration>, Ok<RegistrantDealRegistration>, NotFound>> GetDealRegistration(
        Guid id, ClaimsPrincipal user, DealRegistrationRepository registrations, VendorDecisionStore decisions, CancellationToken cancellationToken)
    {
        if (await registrations.GetAsync(id, cancellationToken) is not { } registration)
        {
            return TypedResults.NotFound();
        }
        var decision = await decisions.OfAsync(id, cancellationToken);
        if (registration.VendorId == user.VendorId() || user.IsAdmin())
        {
            return TypedResults.Ok(VendorDealRegistration.Of(registration, decision));
        }
        return registration.RegistrantPartnerId == user.PartnerId()
            ? TypedResults.Ok(RegistrantDealRegistration.Of(registration, decision))
            : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<ChainVerification>, ProblemHttpResult>> VerifyChain(
        ClaimsPrincipal user, DealRegistrationRepository registrations, CancellationToken cancellationToken)
    {
        if (user.VendorId() is null && !user.IsAdmin())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Vendors and administrators verify the registration chain.");
        }
        var chain = await registrations.ChainAsync(cancellationToken);
        var broken = DealRegistrationRules.FirstBrokenLink(chain);
        return TypedResults.Ok(new ChainVerification(broken is null, chain.Count, broken));
    }
}
