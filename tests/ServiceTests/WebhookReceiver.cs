using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using EcosystemMarket.Partners.Model.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EcosystemMarket.ServiceTests;

/// <summary>
/// A partner's webhook receiver on a loopback port of its own: it verifies every request's signature with the secret it
/// was given and keeps each event once by its webhook-id, as a real receiver deduplicates. Until <see cref="StartAsync"/>
/// the port is closed (the receiver is down); it can answer 503 for a while, or sleep past the sender's timeout.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<Received> _requests = new();
    private readonly ConcurrentDictionary<string, Received> _events = new();
    private WebApplication? _app;
    private int _unavailableAnswers;

    public WebhookReceiver()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/hooks";

    /// <summary>The secrets it accepts (set from the answer that made the endpoint, added to on rotation).</summary>
    public List<string> Secrets { get; } = [];

    /// <summary>How long it takes to answer: past the sender's timeout, it is a slow receiver.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Every request that arrived, duplicates included.</summary>
    public IReadOnlyList<Received> Requests => _requests.ToList();

    /// <summary>Each event once, by webhook-id: the first request that carried it and was answered 2xx.</summary>
    public IReadOnlyDictionary<string, Received> Events => _events;

    public void AnswerUnavailable(int times) => _unavailableAnswers = times;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
        _app = builder.Build();
        _app.MapPost("/hooks", (Func<HttpContext, Task<IResult>>)ReceiveAsync);
        await _app.StartAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var id = context.Request.Headers[WebhookSignature.IdHeader].ToString();
        var timestamp = context.Request.Headers[WebhookSignature.TimestampHeader].ToString();
        var signature = context.Request.Headers[WebhookSignature.SignatureHeader].ToString();
        var valid = Secrets.Any(secret => WebhookSignature.Verify(id, timestamp, body, signature, secret, DateTimeOffset.UtcNow));
        var received = new Received(id, timestamp, signature, body, valid, DateTimeOffset.UtcNow);
        _requests.Enqueue(received);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }
        if (Interlocked.Decrement(ref _unavailableAnswers) >= 0)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        if (!valid)
        {
            return Results.Unauthorized();
        }
        _events.TryAdd(id, received);
        return Results.NoContent();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public sealed record Received(string Id, string Timestamp, string Signature, string Body, bool ValidSignature, DateTimeOffset At);
}
