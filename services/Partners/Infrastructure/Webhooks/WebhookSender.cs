using System.Net;
using System.Net.Sockets;
using System.Text;
using EcosystemMarket.Partners.Model.Webhooks;
using Microsoft.Extensions.Options;

namespace EcosystemMarket.Partners.Infrastructure.Webhooks;

/// <summary>
/// Posts one signed request to a partner's endpoint. Its own HttpClient, not the service defaults' (whose resilience
/// handler would retry and stretch the timeout): the dispatcher's schedule is the retry. No redirects, and every
/// connection goes through the SSRF rule (<see cref="WebhookUrlPolicy.MayConnect"/>) with the addresses the name
/// resolves to now.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    public WebhookSender(IOptions<WebhookOptions> options, WebhookUrlPolicy policy)
    {
        _timeout = options.Value.Timeout;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = _timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context.DnsEndPoint, cancellationToken),
        })
        { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <returns>The receiver's status code, or why there is none.</returns>
    public async Task<(int? StatusCode, string? Error)> SendAsync(WebhookEndpoint endpoint, WebhookDelivery delivery, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var id = delivery.EventId.ToString("D");
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.IdHeader, id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(id, timestamp, delivery.Payload, endpoint.SigningSecrets(now)));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return ((int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"No answer within {_timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException failure)
        {
            return (null, failure.Message);
        }
    }

    private static async ValueTask<Stream> ConnectAsync(WebhookUrlPolicy policy, DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.Where(policy.MayConnect).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"{endpoint.Host} resolves to no address a webhook may reach (loopback, private and link-local are refused).");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();
}
