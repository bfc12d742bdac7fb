using System.Security.Claims;
using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Brokering.Telemetry;
using EcosystemMarket.Contracts;
using EcosystemMarket.Contracts.V1;
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
    public static RouteGroupBuilder MapDealRegistrationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/deal-registrations").WithTags("Deal registrations");
        api.MapPost("/", RegisterDeal).WithName(nameof(RegisterDeal)).WithSummary("Register a deal with a vendor: first come, first protected");
        api.MapGet("/", ListDealRegistrations).WithName(nameof(ListDealRegistrations)).WithSummary("A partner's own registrations; a vendor's program's, conflicts included");
        api.MapGet("/{id:guid}", GetDealRegistration).WithName(nameof(GetDealRegistration)).WithSummary("One registration, for its registrant or its vendor");
        api.MapGet("/chain", VerifyChain).WithName(nameof(VerifyChain)).WithSummary("Recompute the hash chain: proves no registration's time or content changed");
        return api;
    }

    public static async Task<Results<Created<DealRegistration>, ValidationProblem, NotFound, ProblemHttpResult>> RegisterDeal(
        RegisterDealRequest request, ClaimsPrincipal user, DealRegistrationRepository registrations, OpportunityRepository opportunities,
        BrokeringMetrics metrics, TimeProvider clock, IOptions<DealRegistrationOptions> options, CancellationToken cancellationToken)
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
        if (request.OpportunityId is { } opportunityId && (await opportunities.GetAsync(opportunityId, cancellationToken))?.OwnerPartnerId != registrant)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        var customerKey = DealRegistrationRules.NormaliseCustomer(request.CustomerName!);
        var scope = request.Scope!.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        await using var unit = await registrations.BeginAsync(cancellationToken);
        var last = await registrations.LastAsync(unit, cancellationToken);
        var conflict = DealRegistrationRules.ProtectedConflict(request.VendorId!, registrant, customerKey, scope,
            await registrations.SameCustomerAsync(unit, request.VendorId!, customerKey, cancellationToken), now);
        var poachedFrom = (await registrations.InvitedCustomersAsync(unit, registrant, cancellationToken))
            .Where(invited => DealRegistrationRules.NormaliseCustomer(invited.CustomerName) == customerKey)
            .Select(invited => invited.OwnerPartnerId).Distinct().Order().ToList();
        var poaching = poachedFrom.Count > 0;

        var previousHash = last?.Hash ?? DealRegistration.GenesisHash;
        var registration = new DealRegistration
        {
            Id = Guid.CreateVersion7(),
            Sequence = (last?.Sequence ?? 0) + 1,
            VendorId = request.VendorId!,
            RegistrantPartnerId = registrant,
            OpportunityId = request.OpportunityId,
            CustomerName = request.CustomerName!.Trim(),
            CustomerKey = customerKey,
            Scope = scope,
            RegisteredAt = now,
            ProtectedUntil = now + options.Value.ProtectionPeriod,
            Protected = conflict is null && !poaching,
            ConflictsWithId = conflict?.Id,
            Poaching = poaching,
            PreviousHash = previousHash,
            Hash = "",
        };
        registration = registration with { Hash = DealRegistration.HashOf(previousHash, registration.CanonicalContent()) };
        await registrations.InsertAsync(unit, registration, cancellationToken);

        IReadOnlyList<string> conflictKinds = [.. conflict is null ? [] : new[] { DealConflictDetected.Overlap }, .. poaching ? new[] { DealConflictDetected.Poaching } : []];
        if (registration.Protected)
        {
            await unit.PublishAsync(new DealRegistered
            {
                RegistrationId = registration.Id, VendorId = registration.VendorId, RegistrantPartnerId = registrant, OpportunityId = registration.OpportunityId,
                ProtectedUntil = registration.ProtectedUntil, Hash = registration.Hash, OccurredAt = now,
            }, cancellationToken);
        }
        else
        {
            await unit.PublishAsync(new DealConflictDetected
            {
                RegistrationId = registration.Id, VendorId = registration.VendorId, RegistrantPartnerId = registrant,
                ConflictsWithRegistrationId = conflict?.Id, ProtectedPartnerId = conflict?.RegistrantPartnerId,
                PoachedFromPartnerIds = poachedFrom, Kinds = conflictKinds, OccurredAt = now,
            }, cancellationToken);
        }
        await unit.CommitAsync(cancellationToken);
        metrics.Registered(registration, conflictKinds);
        return TypedResults.Created($"/api/deal-registrations/{registration.Id}", registration);
    }

    public static async Task<Results<Ok<IReadOnlyList<DealRegistration>>, ProblemHttpResult>> ListDealRegistrations(
        ClaimsPrincipal user, DealRegistrationRepository registrations, CancellationToken cancellationToken)
    {
        if (user.VendorId() is { } vendor)
        {
            return TypedResults.Ok(await registrations.OfVendorAsync(vendor, cancellationToken));
        }
        return user.PartnerId() is { } partner
            ? TypedResults.Ok(await registrations.OfRegistrantAsync(partner, cancellationToken))
            : ProblemResults.NoPartner();
    }

    public static async Task<Results<Ok<DealRegistration>, NotFound>> GetDealRegistration(
        Guid id, ClaimsPrincipal user, DealRegistrationRepository registrations, CancellationToken cancellationToken)
    {
        var registration = await registrations.GetAsync(id, cancellationToken);
        return registration is not null && (registration.RegistrantPartnerId == user.PartnerId() || registration.VendorId == user.VendorId() || user.IsAdmin())
            ? TypedResults.Ok(registration)
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
