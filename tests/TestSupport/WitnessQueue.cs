using System.Text.Json;
using RabbitMQ.Client;

namespace EcosystemMarket.TestSupport;

/// <summary>
/// A durable queue nobody consumes, bound to an event's exchange beside the real consumer's queue: it keeps
/// a copy of every message published, so a test can see what the broker still holds after a restart.
/// </summary>
public sealed class WitnessQueue(IConnection connection, string name) : IAsyncDisposable
{
    public string Name => name;

    /// <param name="exchange">MassTransit's exchange for the message type, e.g. <c>EcosystemMarket.Contracts.V1:OpportunityWon</c>.</param>
    public static async Task<WitnessQueue> BindAsync(string connectionString, string exchange)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var name = $"witness-{Guid.NewGuid():N}";
        await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(name, exchange, "");
        return new WitnessQueue(connection, name);
    }

    /// <summary>Takes every message out of the queue (a new connection: the broker may have restarted since).</summary>
    public static async Task<IReadOnlyList<(bool Persistent, JsonElement Message)>> DrainAsync(string connectionString, string name)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var messages = new List<(bool, JsonElement)>();
        while (await channel.BasicGetAsync(name, autoAck: true) is { } delivery)
        {
            // MassTransit's envelope carries the event under "message".
            using var envelope = JsonDocument.Parse(delivery.Body);
            messages.Add((delivery.BasicProperties.Persistent, envelope.RootElement.GetProperty("message").Clone()));
        }
        return messages;
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
