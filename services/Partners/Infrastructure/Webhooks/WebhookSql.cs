using EcosystemMarket.Data;

namespace EcosystemMarket.Partners.Infrastructure.Webhooks;

internal static class WebhookSql
{
    private const string EndpointColumns = """
        id AS Id, partner_id AS PartnerId, url AS Url, event_kinds AS EventKinds, enabled AS Enabled, secret AS Secret,
        previous_secret AS PreviousSecret, previous_secret_until AS PreviousSecretUntil, created_at AS CreatedAt, version AS Version
        """;

    private const string DeliveryColumns = """
        id AS Id, endpoint_id AS EndpointId, partner_id AS PartnerId, event_id AS EventId, event_type AS EventType, payload AS Payload,
        state AS State, attempts AS Attempts, next_attempt_at AS NextAttemptAt, last_status_code AS LastStatusCode, last_error AS LastError,
        created_at AS CreatedAt, delivered_at AS DeliveredAt, sequence AS Sequence
        """;

    public static readonly SqlText InsertEndpoint = SqlText.Portable("""
        INSERT INTO webhook_endpoints (id, partner_id, url, event_kinds, enabled, secret, previous_secret, previous_secret_until, created_at, version)
        VALUES (@Id, @PartnerId, @Url, @EventKinds, @Enabled, @Secret, @PreviousSecret, @PreviousSecretUntil, @CreatedAt, @Version);
        """);

    /// <summary>Saved only over the version it was read at (a rotation racing another rotation loses, 409).</summary>
    public static readonly SqlText UpdateEndpoint = SqlText.Portable("""
        UPDATE webhook_endpoints
        SET enabled = @Enabled, secret = @Secret, previous_secret = @PreviousSecret, previous_secret_until = @PreviousSecretUntil, version = @Version
        WHERE id = @Id AND version = @Version - 1;
        """);

    public static readonly SqlText SelectEndpoint = SqlText.Portable($"SELECT {EndpointColumns} FROM webhook_endpoints WHERE id = @Id;");

    public static readonly SqlText SelectEndpointsOfPartner = SqlText.Portable(
        $"SELECT {EndpointColumns} FROM webhook_endpoints WHERE partner_id = @PartnerId ORDER BY created_at, id;");

    public static readonly SqlText SelectEnabledEndpointsOfPartners = SqlText.Portable(
        $"SELECT {EndpointColumns} FROM webhook_endpoints WHERE partner_id IN @PartnerIds AND enabled = 1;");

    public static readonly SqlText InsertDelivery = SqlText.Portable("""
        INSERT INTO webhook_deliveries (id, endpoint_id, partner_id, event_id, event_type, payload, state, attempts, next_attempt_at, created_at)
        VALUES (@Id, @EndpointId, @PartnerId, @EventId, @EventType, @Payload, @State, 0, @NextAttemptAt, @CreatedAt);
        """);

    public static readonly SqlText SelectDelivery = SqlText.Portable($"SELECT {DeliveryColumns} FROM webhook_deliveries WHERE id = @Id;");

    public static readonly SqlText SelectDeliveryPage = new(
        Sqlite: $"""
            SELECT {DeliveryColumns} FROM webhook_deliveries
            WHERE endpoint_id = @EndpointId AND (@Before IS NULL OR sequence < @Before)
            ORDER BY sequence DESC LIMIT @Take;
            """,
        SqlServer: $"""
            SELECT TOP (@Take) {DeliveryColumns} FROM dbo.webhook_deliveries
            WHERE endpoint_id = @EndpointId AND (@Before IS NULL OR sequence < @Before)
            ORDER BY sequence DESC;
            """);

    // As the outbox claims its rows: a delivery is free when it is due and unclaimed, or its lease ran out (its sender
    // died mid-request). The lease outlasts a request's timeout, so a live sender's rows are never taken from it.
    public static readonly SqlText Claim = new(
        Sqlite: $"""
            UPDATE webhook_deliveries SET claimed_by = @Claim, claimed_until = @Until
            WHERE sequence IN (
                SELECT sequence FROM webhook_deliveries
                WHERE state = 'pending' AND next_attempt_at <= @Now AND (claimed_until IS NULL OR claimed_until < @Now)
                ORDER BY next_attempt_at LIMIT @Take)
            RETURNING {DeliveryColumns};
            """,
        SqlServer: """
            WITH claimable AS (
                SELECT TOP (@Take) *
                FROM dbo.webhook_deliveries WITH (ROWLOCK, READPAST, UPDLOCK)
                WHERE state = 'pending' AND next_attempt_at <= @Now AND (claimed_until IS NULL OR claimed_until < @Now)
                ORDER BY next_attempt_at)
            UPDATE claimable SET claimed_by = @Claim, claimed_until = @Until
            OUTPUT inserted.id AS Id, inserted.endpoint_id AS EndpointId, inserted.partner_id AS PartnerId, inserted.event_id AS EventId,
                inserted.event_type AS EventType, inserted.payload AS Payload, inserted.state AS State, inserted.attempts AS Attempts,
                inserted.next_attempt_at AS NextAttemptAt, inserted.last_status_code AS LastStatusCode, inserted.last_error AS LastError,
                inserted.created_at AS CreatedAt, inserted.delivered_at AS DeliveredAt, inserted.sequence AS Sequence;
            """);

    public static readonly SqlText RecordAttempt = SqlText.Portable("""
        UPDATE webhook_deliveries
        SET state = @State, attempts = attempts + 1, next_attempt_at = @NextAttemptAt, last_status_code = @StatusCode, last_error = @Error,
            delivered_at = @DeliveredAt, claimed_by = NULL, claimed_until = NULL
        WHERE id = @Id AND claimed_by = @Claim;
        """);
}
