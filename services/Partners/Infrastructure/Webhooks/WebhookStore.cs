using Dapper;
using EcosystemMarket.Data;
using EcosystemMarket.Partners.Model.Webhooks;

namespace EcosystemMarket.Partners.Infrastructure.Webhooks;

/// <summary>Webhook endpoints and their deliveries: the log partners read and the queue the dispatcher claims from.</summary>
public sealed class WebhookStore(Database database)
{
    public async Task AddEndpointAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(WebhookSql.InsertEndpoint), EndpointRow.Of(endpoint), unit.Transaction,
            cancellationToken: cancellationToken));
        // The secret never goes into the log.
        unit.Audit("webhook.added", "webhook", endpoint.Id, [endpoint.PartnerId], details: new { endpoint.Url, endpoint.EventKinds });
        await unit.CommitAsync(cancellationToken);
    }

    /// <returns>False when another change saved the endpoint first.</returns>
    /// <param name="action">What the change was, for the audit log (e.g. <c>webhook.disabled</c>).</param>
    public async Task<bool> SaveEndpointAsync(WebhookEndpoint endpoint, string action, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        var saved = await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(WebhookSql.UpdateEndpoint), EndpointRow.Of(endpoint), unit.Transaction,
            cancellationToken: cancellationToken)) == 1;
        unit.Audit(action, "webhook", endpoint.Id, [endpoint.PartnerId], details: new { endpoint.Url, endpoint.Enabled });
        await unit.CommitAsync(cancellationToken);
        return saved;
    }

    public async Task<WebhookEndpoint?> EndpointAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<EndpointRow>(new CommandDefinition(database.Sql(WebhookSql.SelectEndpoint), new { Id = id },
            cancellationToken: cancellationToken)))?.ToEndpoint();
    }

    public async Task<IReadOnlyList<WebhookEndpoint>> EndpointsOfAsync(Guid partnerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<EndpointRow>(new CommandDefinition(database.Sql(WebhookSql.SelectEndpointsOfPartner), new { PartnerId = partnerId },
            cancellationToken: cancellationToken))).Select(row => row.ToEndpoint()).ToList();
    }

    public async Task<IReadOnlyList<WebhookEndpoint>> EnabledEndpointsOfAsync(UnitOfWork unit, IReadOnlyList<Guid> partnerIds, CancellationToken cancellationToken)
    {
        var endpoints = new List<WebhookEndpoint>();
        foreach (var ids in partnerIds.Chunk(SqlText.MaxListItems))
        {
            // Listed as text, as SQLite stores them (SQL Server converts them); Dapper expands lists without the Guid handler.
            endpoints.AddRange((await unit.Connection.QueryAsync<EndpointRow>(new CommandDefinition(unit.Sql(WebhookSql.SelectEnabledEndpointsOfPartners),
                new { PartnerIds = ids.Select(id => id.ToString("D")).ToList() }, unit.Transaction, cancellationToken: cancellationToken))).Select(row => row.ToEndpoint()));
        }
        return endpoints;
    }

    public async Task AddDeliveriesAsync(UnitOfWork unit, IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken)
    {
        if (deliveries.Count > 0)
        {
            await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(WebhookSql.InsertDelivery), deliveries, unit.Transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>A delivery sent again on its partner's request (a replay): recorded in the audit log, unlike the automatic ones.</summary>
    public async Task AddReplayAsync(WebhookDelivery delivery, Guid partnerId, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        await AddDeliveriesAsync(unit, [delivery], cancellationToken);
        unit.Audit("webhook.delivery-replayed", "webhook", delivery.EndpointId, [partnerId], details: new { DeliveryId = delivery.Id, delivery.EventId });
        await unit.CommitAsync(cancellationToken);
    }

    public async Task<WebhookDelivery?> DeliveryAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<WebhookDelivery>(new CommandDefinition(database.Sql(WebhookSql.SelectDelivery), new { Id = id },
            cancellationToken: cancellationToken));
    }

    /// <summary>An endpoint's deliveries, newest first, before the one at <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(Guid endpointId, long? before, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<WebhookDelivery>(new CommandDefinition(database.Sql(WebhookSql.SelectDeliveryPage),
            new { EndpointId = endpointId, Before = before, Take = take }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Takes up to <paramref name="take"/> due deliveries for this sender until <paramref name="until"/>.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> ClaimAsync(string claim, DateTimeOffset now, DateTimeOffset until, int take, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        var claimed = (await unit.Connection.QueryAsync<WebhookDelivery>(new CommandDefinition(unit.Sql(WebhookSql.Claim),
            new { Claim = claim, Now = now, Until = until, Take = take }, unit.Transaction, cancellationToken: cancellationToken))).ToList();
        await unit.CommitAsync(cancellationToken);
        return claimed;
    }

    public async Task RecordAttemptAsync(string claim, WebhookDelivery delivery, WebhookAttempt attempt, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(WebhookSql.RecordAttempt), new
        {
            delivery.Id,
            Claim = claim,
            attempt.State,
            attempt.NextAttemptAt,
            attempt.StatusCode,
            Error = attempt.Error is { Length: > 500 } error ? error[..500] : attempt.Error,
            attempt.DeliveredAt,
        }, unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
    }

    private sealed class EndpointRow
    {
        public Guid Id { get; init; }
        public Guid PartnerId { get; init; }
        public string Url { get; init; } = "";
        public string EventKinds { get; init; } = "";
        public bool Enabled { get; init; }
        public string Secret { get; init; } = "";
        public string? PreviousSecret { get; init; }
        public DateTimeOffset? PreviousSecretUntil { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public long Version { get; init; }

        public static EndpointRow Of(WebhookEndpoint endpoint) => new()
        {
            Id = endpoint.Id,
            PartnerId = endpoint.PartnerId,
            Url = endpoint.Url,
            EventKinds = string.Join(' ', endpoint.EventKinds),
            Enabled = endpoint.Enabled,
            Secret = endpoint.Secret,
            PreviousSecret = endpoint.PreviousSecret,
            PreviousSecretUntil = endpoint.PreviousSecretUntil,
            CreatedAt = endpoint.CreatedAt,
            Version = endpoint.Version,
        };

        public WebhookEndpoint ToEndpoint() => new()
        {
            Id = Id,
            PartnerId = PartnerId,
            Url = Url,
            EventKinds = EventKinds.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Enabled = Enabled,
            Secret = Secret,
            PreviousSecret = PreviousSecret,
            PreviousSecretUntil = PreviousSecretUntil,
            CreatedAt = CreatedAt,
            Version = Version,
        };
    }
}

