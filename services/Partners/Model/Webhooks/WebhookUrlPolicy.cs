using System.Net;
using System.Net.Sockets;

namespace EcosystemMarket.Partners.Model.Webhooks;

/// <summary>
/// The SSRF rule for webhook URLs: a partner names where Partners will send requests from inside the network, so a
/// URL must be absolute https, without credentials, to a public address. Private, loopback, link-local and other
/// non-public addresses are refused both when the URL is saved (an IP literal, or localhost) and at each delivery's
/// connect (where a name resolves: <see cref="IsPublic"/>), so a name that later resolves inward is refused too.
/// <see cref="AllowLoopback"/> (set in Development or by <c>Webhooks:AllowLoopback</c>) lets http and https reach
/// loopback only, for a receiver on one's own machine; never other private addresses.
/// </summary>
public sealed record WebhookUrlPolicy(bool AllowLoopback)
{
    public const int MaxLength = 2000;

    /// <returns>Why the URL is refused, or null when it is acceptable.</returns>
    public string? ReasonToRefuse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength || !Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            return $"'url' must be an absolute URL of at most {MaxLength} characters.";
        }
        if (!string.IsNullOrEmpty(url.UserInfo) || !string.IsNullOrEmpty(url.Fragment))
        {
            return "'url' must not carry credentials or a fragment.";
        }
        var loopback = url.IsLoopback;
        if (url.Scheme == Uri.UriSchemeHttp && !(loopback && AllowLoopback))
        {
            return "'url' must use https (http is accepted only to loopback, in development).";
        }
        if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            return "'url' must use https.";
        }
        if (loopback ? !AllowLoopback : IPAddress.TryParse(url.DnsSafeHost, out var address) && !IsPublic(address))
        {
            return "'url' must reach a public address: loopback, private and link-local addresses are refused.";
        }
        return null;
    }

    /// <summary>May a delivery connect to this address?</summary>
    public bool MayConnect(IPAddress address) => IsPublic(address) || (AllowLoopback && IPAddress.IsLoopback(address));

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // Link-local, site-local, unique local (fc00::/7), multicast.
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast);
        }
        var b = address.GetAddressBytes();
        return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || (b[0] == 100 && b[1] >= 64 && b[1] < 128) || (b[0] == 169 && b[1] == 254)
            || (b[0] == 172 && b[1] >= 16 && b[1] < 32) || (b[0] == 192 && b[1] == 168) || (b[0] == 192 && b[1] == 0 && b[2] == 0)
            || (b[0] == 198 && (b[1] == 18 || b[1] == 19)) || b[0] >= 224);
    }
}
