using System.Security.Claims;
using EcosystemMarket.Partners.Infrastructure.Webhooks;
using EcosystemMarket.Partners.Model.Notifications;
using EcosystemMarket.Partners.Model.Webhooks;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Paging;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EcosystemMarket.Partners.Apis;

/// <summary>
/// A partner's webhook endpoints, their signing secrets (shown once, when made or rotated) and their delivery logs.
/// Another partner's endpoint is not found (404).
/// </summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/webhooks").WithTags("Webhooks");
        api.MapGet("/", ListWebhookEndpoints).WithName(nameof(ListWebhookEndpoints)).WithSummary("The partner's webhook endpoints");
        api.MapPost("/", CreateWebhookEndpoint).WithName(nameof(CreateWebhookEndpoint))
            .WithSummary("Adds an endpoint (https; no kinds listed: every kind) and returns its signing secret, this once");
        api.MapGet("/{endpointId:guid}", GetWebhookEndpoint).WithName(nameof(GetWebhookEndpoint)).WithSummary("One endpoint");
        api.MapPost("/{endpointId:guid}/rotate-secret", RotateWebhookSecret).WithName(nameof(RotateWebhookSecret))
            .WithSummary("Issues a new signing secret, returned this once; the previous one keeps signing too for the overlap");
        api.MapPost("/{endpointId:guid}/enable", EnableWebhookEndpoint).WithName(nameof(EnableWebhookEndpoint)).WithSummary("Sends to the endpoint again");
        api.MapPost("/{endpointId:guid}/disable", DisableWebhookEndpoint).WithName(nameof(DisableWebhookEndpoint))
            .WithSummary("Stops sending to the endpoint; deliveries due meanwhile fail, and can be replayed");
        api.MapGet("/{endpointId:guid}/deliveries", ListWebhookDeliveries).WithName(nameof(ListWebhookDeliveries))
            .WithSummary("The endpoint's deliveries, newest first, a page at a time");
        api.MapPost("/{endpointId:guid}/deliveries/{deliveryId:guid}/replay", ReplayWebhookDelivery).WithName(nameof(ReplayWebhookDelivery))
            .WithSummary("Sends a delivery's event again, with the same webhook-id and body, as a new delivery");
        return api;
    }

    public sealed record CreateEndpointRequest(string? Url, IReadOnlyList<string>? EventKinds, bool? Enabled);

    public sealed record EndpointView(Guid Id, string Url, IReadOnlyList<string> EventKinds, bool Enabled, DateTimeOffset CreatedAt,
        DateTimeOffset? PreviousSecretValidUntil)
    {
        public static EndpointView Of(WebhookEndpoint endpoint, DateTimeOffset now) => new(endpoint.Id, endpoint.Url, endpoint.EventKinds, endpoint.Enabled,
            endpoint.CreatedAt, endpoint.PreviousSecretUntil > now ? endpoint.PreviousSecretUntil : null);
    }

    /// <summary>The endpoint with its secret: the only answer that shows one.</summary>
    public sealed record EndpointWithSecret(EndpointView Endpoint, string Secret);

    public sealed record DeliveryView(Guid Id, Guid EventId, string EventType, string State, int Attempts, int? LastStatusCode, string? LastError,
        DateTimeOffset? NextAttemptAt, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt)
    {
        public static DeliveryView Of(WebhookDelivery delivery) => new(delivery.Id, delivery.EventId, delivery.EventType, delivery.State, delivery.Attempts,
            delivery.LastStatusCode, delivery.LastError, delivery.State == WebhookDelivery.Pending ? delivery.NextAttemptAt : null, delivery.CreatedAt,
            delivery.DeliveredAt);
    }

    public sealed record DeliveryQuery(string? Cursor, int? Limit);

    public static async Task<Results<Ok<IReadOnlyList<EndpointView>>, ProblemHttpResult>> ListWebhookEndpoints(
        Guid? partnerId, ClaimsPrincipal user, WebhookStore webhooks, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (NotificationsApi.PartnerOf(user, partnerId) is not { } partner)
        {
            return NotificationsApi.NotAPartner();
        }
        var now = clock.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<EndpointView>>((await webhooks.EndpointsOfAsync(partner, cancellationToken)).Select(e => EndpointView.Of(e, now)).ToList());
    }

    public static async Task<Results<Created<EndpointWithSecret>, ValidationProblem, ProblemHttpResult>> CreateWebhookEndpoint(
        CreateEndpointRequest request, Guid? partnerId, ClaimsPrincipal user, WebhookStore webhooks, WebhookUrlPolicy policy, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (NotificationsApi.PartnerOf(user, partnerId) is not { } partner)
        {
            return NotificationsApi.NotAPartner();
        }
        var errors = new ValidationErrors();
        if (policy.ReasonToRefuse(request.Url) is { } refused)
        {
            errors.Add("url", refused);
        }
        var kinds = request.EventKinds ?? [];
        if (kinds.Count > WebhookEndpoint.MaxEventKinds)
        {
            errors.Add("eventKinds", $"'eventKinds' lists at most {WebhookEndpoint.MaxEventKinds} kinds.");
        }
        else if (WebhookEndpoint.UnknownKinds(kinds) is { Count: > 0 } unknown)
        {
            errors.Add("eventKinds", $"Unknown kinds {string.Join(", ", unknown.Select(k => $"'{k}'"))}; the kinds are {string.Join(", ", NotificationKinds.All)}.");
        }
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var now = clock.GetUtcNow();
        var endpoint = WebhookEndpoint.Create(partner, request.Url!, kinds, request.Enabled ?? true, now);
        await webhooks.AddEndpointAsync(endpoint, cancellationToken);
        return TypedResults.Created($"/api/webhooks/{endpoint.Id}", new EndpointWithSecret(EndpointView.Of(endpoint, now), endpoint.Secret));
    }

    public static async Task<Results<Ok<EndpointView>, NotFound>> GetWebhookEndpoint(
        Guid endpointId, ClaimsPrincipal user, WebhookStore webhooks, TimeProvider clock, CancellationToken cancellationToken) =>
        await OwnEndpointAsync(endpointId, user, webhooks, cancellationToken) is { } endpoint
            ? TypedResults.Ok(EndpointView.Of(endpoint, clock.GetUtcNow()))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<EndpointWithSecret>, NotFound, ProblemHttpResult>> RotateWebhookSecret(
        Guid endpointId, ClaimsPrincipal user, WebhookStore webhooks, TimeProvider clock, IOptions<WebhookOptions> options, CancellationToken cancellationToken)
    {
        if (await OwnEndpointAsync(endpointId, user, webhooks, cancellationToken) is not { } endpoint)
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow();
        var rotated = endpoint.RotateSecret(now, options.Value.SecretOverlap);
        return await webhooks.SaveEndpointAsync(rotated, "webhook.secret-rotated", cancellationToken)
            ? TypedResults.Ok(new EndpointWithSecret(EndpointView.Of(rotated, now), rotated.Secret))
            : LostRace();
    }

    public static Task<Results<Ok<EndpointView>, NotFound, ProblemHttpResult>> EnableWebhookEndpoint(
        Guid endpointId, ClaimsPrincipal user, WebhookStore webhooks, TimeProvider clock, CancellationToken cancellationToken) =>
        SetEnabledAsync(endpointId, true, user, webhooks, clock, cancellationToken);

    public static Task<Results<Ok<EndpointView>, NotFound, ProblemHttpResult>> DisableWebhookEndpoint(
        Guid endpointId, ClaimsPrincipal user, WebhookStore webhooks, TimeProvider clock, CancellationToken cancellationToken) =>
        SetEnabledAsync(endpointId, false, user, webhooks, clock, cancellationToken);

    public static async Task<Results<Ok<Page<DeliveryView>>, ValidationProblem, NotFound>> ListWebhookDeliveries(
        Guid endpointId, [AsParameters] DeliveryQuery query, ClaimsPrincipal user, WebhookStore webhooks, CancellationToken cancellationToken)
    {
        if (await OwnEndpointAsync(endpointId, user, webhooks, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        var errors = SequenceCursor.Validate(query.Cursor, query.Limit, out var before, out var take);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var fetched = await webhooks.DeliveriesAsync(endpointId, before, take + 1, cancellationToken);
        var page = Paging.ToPage(fetched, take, d => SequenceCursor.Of(d.Sequence, d.Id));
        return TypedResults.Ok(new Page<DeliveryView>(page.Items.Select(DeliveryView.Of).ToList(), page.NextCursor));
    }

    public static async Task<Results<Accepted<DeliveryView>, NotFound>> ReplayWebhookDelivery(
        Guid endpointId, Guid deliveryId, ClaimsPrincipal user, WebhookStore webhooks, WebhookSignal signal, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await OwnEndpointAsync(endpointId, user, webhooks, cancellationToken) is null
            || await webhooks.DeliveryAsync(deliveryId, cancellationToken) is not { } delivery || delivery.EndpointId != endpointId)
        {
            return TypedResults.NotFound();
        }
        var replay = delivery.Replay(clock.GetUtcNow());
        await webhooks.AddReplayAsync(replay, user.PartnerId()!.Value, cancellationToken);
        signal.Notify();
        return TypedResults.Accepted($"/api/webhooks/{endpointId}/deliveries", DeliveryView.Of(replay));
    }

    private static async Task<Results<Ok<EndpointView>, NotFound, ProblemHttpResult>> SetEnabledAsync(
        Guid endpointId, bool enabled, ClaimsPrincipal user, WebhookStore webhooks, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OwnEndpointAsync(endpointId, user, webhooks, cancellationToken) is not { } endpoint)
        {
            return TypedResults.NotFound();
        }
        if (endpoint.Enabled == enabled)
        {
            return TypedResults.Ok(EndpointView.Of(endpoint, clock.GetUtcNow()));
        }
        var changed = endpoint.Enable(enabled);
        return await webhooks.SaveEndpointAsync(changed, enabled ? "webhook.enabled" : "webhook.disabled", cancellationToken) ? TypedResults.Ok(EndpointView.Of(changed, clock.GetUtcNow())) : LostRace();
    }

    private static async Task<WebhookEndpoint?> OwnEndpointAsync(Guid endpointId, ClaimsPrincipal user, WebhookStore webhooks, CancellationToken cancellationToken) =>
        await webhooks.EndpointAsync(endpointId, cancellationToken) is { } endpoint && user.ActsFor(endpoint.PartnerId)
            ? endpoint
            : null;

    private static ProblemHttpResult LostRace() =>
        ProblemResults.Conflict("The endpoint changed while this change was saved.", "Read the endpoint again and repeat the change.");
}
