using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace EcosystemMarket.AppHost;

/// <summary>
/// Healthy once the node completes an AMQP handshake (a listening port alone is not a booted broker). One
/// connection is kept and reused, so the check does not fill the broker's log with connections opened and closed.
/// </summary>
public sealed class AmqpHealthCheck(Func<CancellationToken, ValueTask<string?>> connectionString) : IHealthCheck, IAsyncDisposable
{
    private IConnection? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (_connection is not { IsOpen: true })
            {
                if (_connection is not null)
                {
                    await _connection.DisposeAsync();
                }
                var uri = await connectionString(cancellationToken) ?? throw new InvalidOperationException("The broker has no address yet.");
                _connection = await new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = "apphost-health" }.CreateConnectionAsync(cancellationToken);
            }
            return HealthCheckResult.Healthy();
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The broker does not accept AMQP connections.", failure);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
