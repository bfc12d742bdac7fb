extern alias gateway;

using System.Net;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.PortalTests;

public sealed class Gateway_without_a_portal
{
    [Fact]
    public async Task Starts_and_routes_nothing_but_the_api()
    {
        var unreachable = "http://127.0.0.1:9/";
        await using var host = new InProcessHost<gateway::Program>(0, new Dictionary<string, string?>
        {
            ["services:partners:http:0"] = unreachable, ["services:matching:http:0"] = unreachable,
            ["services:brokering:http:0"] = unreachable, ["services:settlement:http:0"] = unreachable,
        });
        using var client = host.CreateClient();
        var cancel = TestContext.Current.CancellationToken;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", cancel)).StatusCode);
        // Without the portal nothing outside the API is served: anonymous callers are asked for a token, as before.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/", cancel)).StatusCode);
        client.AsAdmin();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/", cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ecosystem", cancel)).StatusCode);
    }
}
