using EcosystemMarket.ServiceDefaults.Messaging;
using MassTransit;
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
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var uri = new Uri(builder.Configuration.GetConnectionString("messaging") ?? "amqp://guest:guest@localhost:5672/");
        var prefetch = builder.Configuration.GetValue("Messaging:PrefetchCount", DefaultPrefetchCount);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            // MassTransit reports its usage to its makers over the internet unless told not to.
            bus.ConfigureUsageTelemetryOptions(telemetry => telemetry.Enabled = false);
            consumers?.Invoke(bus);
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
}
