using EcosystemMarket.ServiceDefaults.Messaging;
using MassTransit;
using MassTransit.RabbitMqTransport.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit's own default is 16 on two cores. On SQLite the units of work that queue up are committed
    /// together, one disk flush per group, so more deliveries in hand mean fewer flushes per message:
    /// Settlement books about half again as many wins a second with 64 (see the README's benchmark).
    /// </summary>
    public const int DefaultPrefetchCount = 64;

    /// <summary>
    /// MassTransit on the RabbitMQ broker named by <c>ConnectionStrings:messaging</c> (an amqp URI).
    /// Queues are named after the service and consumer; a message that still fails after the retries
    /// (or at once, when it is <see cref="UnprocessableMessageException"/>) moves to the queue's <c>_error</c>
    /// queue with the exception in its headers, never dropped. <c>Messaging:PrefetchCount</c> sets how many
    /// deliveries each consumer endpoint holds and handles at once (default <see cref="DefaultPrefetchCount"/>).
    /// <c>Messaging:QuorumQueues</c> declares the durable queues as quorum queues (see <see cref="UseQuorumQueues"/>).
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var uri = new Uri(builder.Configuration.GetConnectionString("messaging") ?? "amqp://guest:guest@localhost:5672/");
        var prefetch = builder.Configuration.GetValue("Messaging:PrefetchCount", DefaultPrefetchCount);
        var quorumQueues = builder.Configuration.GetValue("Messaging:QuorumQueues", false);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            // MassTransit reports its usage to its makers over the internet unless told not to.
            bus.ConfigureUsageTelemetryOptions(telemetry => telemetry.Enabled = false);
            consumers?.Invoke(bus);
            if (quorumQueues)
            {
                bus.AddRabbitMqConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseQuorumQueues());
            }
            bus.UsingRabbitMq((context, rabbit) =>
            {
                // Publisher confirms are MassTransit's default; stated here because the outbox marks a message
                // sent only once its publish returns, which with confirms means the broker has taken it.
                rabbit.Host(uri, host => host.PublisherConfirmation = true);
                rabbit.PrefetchCount = prefetch;
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));
                    retry.Ignore<UnprocessableMessageException>();
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>
    /// On a RabbitMQ cluster a classic queue lives on one node and is lost with it; a quorum queue (<c>x-queue-type:
    /// quorum</c>) is replicated across the nodes. Off by default: a single local node gains nothing from it. A replica's
    /// temporary queue (Matching's fan-out: not durable, deleted with its consumer) cannot be a quorum queue and needs
    /// none, since its replica rebuilds what it holds; it stays as it is.
    /// </summary>
    public static void UseQuorumQueues(this IRabbitMqReceiveEndpointConfigurator endpoint)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfiguration { Settings: { Durable: true, AutoDelete: false } })
        {
            endpoint.SetQuorumQueue();
        }
    }
}
