using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using EcosystemMarket.Dashboard.Metrics;
using Microsoft.Extensions.Options;

namespace EcosystemMarket.Dashboard.Queues;

/// <summary>
/// Polls the RabbitMQ management API once per scrape interval and keeps each queue's depth and rates over time,
/// for the system's virtual host (<see cref="DashboardOptions.RabbitMqOptions.VirtualHost"/>) or, unset, all.
/// Inactive without <c>Dashboard:RabbitMq:ManagementUrl</c>.
/// </summary>
public sealed class RabbitMqMonitor(HttpClient http, IOptions<DashboardOptions> options, TimeProvider clock, ILogger<RabbitMqMonitor> logger) : BackgroundService
{
    private readonly Dictionary<string, QueueHistory> _history = new(StringComparer.Ordinal);

    public sealed record QueueHistory(TimeSeries Ready, TimeSeries Unacknowledged, TimeSeries PublishRate, TimeSeries DeliverRate);

    public bool IsConfigured => options.Value.RabbitMq.ManagementUrl is not null;
    public IReadOnlyList<QueueSnapshot> Latest { get; private set; } = [];
    public string? LastError { get; private set; }

    public QueueHistory? HistoryOf(QueueSnapshot queue)
    {
        lock (_history)
        {
            return _history.GetValueOrDefault(KeyOf(queue));
        }
    }

    /// <summary>The virtual host an AMQP URI names (its path, <c>/</c> when empty); null without a usable URI.</summary>
    public static string? VirtualHostOf(string? amqpUri) =>
        Uri.TryCreate(amqpUri, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps"
            ? uri.AbsolutePath.TrimStart('/') is { Length: > 0 } path ? Uri.UnescapeDataString(path) : "/"
            : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RabbitMq.ManagementUrl is not { } url)
        {
            return;
        }
        var endpoint = new Uri(url, options.Value.RabbitMq.VirtualHost is { } virtualHost
            ? "/api/queues/" + Uri.EscapeDataString(virtualHost)
            : "/api/queues");
        using var timer = new PeriodicTimer(options.Value.ScrapeInterval, clock);
        do
        {
            await PollAsync(endpoint, Credentials(url), stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PollAsync(Uri endpoint, AuthenticationHeaderValue credentials, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
            request.Headers.Authorization = credentials;
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            var queues = await response.Content.ReadFromJsonAsync<List<QueueSnapshot>>(cancellationToken) ?? [];
            Record(at, queues);
            (Latest, LastError) = (queues.OrderBy(q => q.Name, StringComparer.Ordinal).ThenBy(q => q.VirtualHost, StringComparer.Ordinal).ToList(), null);
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug(failure, "Reading the queues from {Endpoint} failed", endpoint);
            LastError = failure.Message;
        }
    }

    private void Record(DateTimeOffset at, IReadOnlyList<QueueSnapshot> queues)
    {
        var retention = options.Value.Retention;
        lock (_history)
        {
            foreach (var queue in queues)
            {
                if (!_history.TryGetValue(KeyOf(queue), out var history))
                {
                    _history[KeyOf(queue)] = history = new QueueHistory(new(retention), new(retention), new(retention), new(retention));
                }
                history.Ready.Add(at, queue.Ready);
                history.Unacknowledged.Add(at, queue.Unacknowledged);
                history.PublishRate.Add(at, queue.PublishRate);
                history.DeliverRate.Add(at, queue.DeliverRate);
            }
        }
    }

    // Queue names repeat across virtual hosts (every copy of the system declares the same ones).
    private static string KeyOf(QueueSnapshot queue) => queue.VirtualHost + "|" + queue.Name;

    /// <summary>The URL's user and password when it carries them, else RabbitMQ's default guest account.</summary>
    private static AuthenticationHeaderValue Credentials(Uri url)
    {
        var userInfo = string.IsNullOrEmpty(url.UserInfo) ? "guest:guest" : Uri.UnescapeDataString(url.UserInfo);
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userInfo)));
    }
}
