using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace EcosystemMarket.Benchmarks;

/// <summary>
/// The ceiling: RabbitMQ.Client alone moving persistent messages of the given size through a durable queue,
/// published with confirms (a window of them outstanding) and consumed with an acknowledgement each.
/// </summary>
public static class RawRabbitMq
{
    public static async Task<TimeSpan> MoveAsync(string connectionString, int messages, int bytes, int inFlight, ushort prefetch)
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var consuming = await connection.CreateChannelAsync();
        var queue = $"raw-benchmark-{Guid.NewGuid():N}";
        await consuming.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await consuming.BasicQosAsync(0, prefetch, global: false);

        var received = 0;
        var allReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(consuming);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await consuming.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            if (Interlocked.Increment(ref received) == messages)
            {
                allReceived.TrySetResult();
            }
        };
        await consuming.BasicConsumeAsync(queue, autoAck: false, consumer);

        await using var publishing = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var body = new byte[bytes];
        Random.Shared.NextBytes(body);
        var properties = new BasicProperties { Persistent = true, ContentType = "application/vnd.masstransit+json" };
        using var window = new SemaphoreSlim(inFlight);

        var clock = Stopwatch.StartNew();
        var confirms = new List<Task>(messages);
        for (var i = 0; i < messages; i++)
        {
            await window.WaitAsync();
            confirms.Add(PublishAsync());
        }
        await Task.WhenAll(confirms);
        await allReceived.Task.WaitAsync(TimeSpan.FromMinutes(5));
        var elapsed = clock.Elapsed;

        await consuming.QueueDeleteAsync(queue);
        return elapsed;

        async Task PublishAsync()
        {
            try
            {
                // With confirmation tracking, the call completes when the broker has confirmed the message.
                await publishing.BasicPublishAsync("", queue, mandatory: true, properties, body);
            }
            finally
            {
                window.Release();
            }
        }
    }
}
