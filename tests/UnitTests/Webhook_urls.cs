using System.Net;
using EcosystemMarket.Partners.Model.Webhooks;

namespace EcosystemMarket.UnitTests;

/// <summary>The SSRF rule: https to public addresses; loopback only when allowed (development), never other private ranges.</summary>
public sealed class Webhook_urls
{
    private static readonly WebhookUrlPolicy Production = new(AllowLoopback: false);
    private static readonly WebhookUrlPolicy Development = new(AllowLoopback: true);

    [Theory]
    [InlineData("https://hooks.example.com/ecosystem")]
    [InlineData("https://203.0.113.9:8443/in")]
    public void Public_https_urls_are_accepted(string url) => Assert.Null(Production.ReasonToRefuse(url));

    [Theory]
    [InlineData("http://hooks.example.com/in")]
    [InlineData("ftp://hooks.example.com/in")]
    [InlineData("https://user:secret@hooks.example.com/in")]
    [InlineData("https://127.0.0.1/in")]
    [InlineData("https://localhost/in")]
    [InlineData("https://10.1.2.3/in")]
    [InlineData("https://192.168.0.10/in")]
    [InlineData("https://172.16.5.5/in")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/in")]
    [InlineData("https://[fd00::1]/in")]
    [InlineData("/relative")]
    [InlineData("")]
    public void Others_are_refused_in_production(string url) => Assert.NotNull(Production.ReasonToRefuse(url));

    [Fact]
    public void Development_allows_loopback_over_http_but_no_other_private_address()
    {
        Assert.Null(Development.ReasonToRefuse("http://127.0.0.1:5099/hooks"));
        Assert.Null(Development.ReasonToRefuse("http://localhost:5099/hooks"));
        Assert.NotNull(Development.ReasonToRefuse("http://10.0.0.5/hooks"));
        Assert.NotNull(Development.ReasonToRefuse("https://169.254.169.254/"));
    }

    [Fact]
    public void Connections_are_refused_to_addresses_a_name_resolves_to_inside_the_network()
    {
        Assert.True(Production.MayConnect(IPAddress.Parse("93.184.215.14")));
        Assert.False(Production.MayConnect(IPAddress.Parse("10.0.0.1")));
        Assert.False(Production.MayConnect(IPAddress.Parse("::ffff:192.168.1.1")));
        Assert.False(Production.MayConnect(IPAddress.Loopback));
        Assert.True(Development.MayConnect(IPAddress.Loopback));
        Assert.False(Development.MayConnect(IPAddress.Parse("172.20.0.1")));
    }
}
