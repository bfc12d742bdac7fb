using System.Reflection;
using EcosystemMarket.Portal.Gateway;
using EcosystemMarket.TestSupport.Processes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.PortalTests;

/// <summary>
/// Several portal replicas behind the gateway: what one protects (a sign-in cookie, an antiforgery token, a page's
/// component state) another must read, or a person would be signed out whenever the gateway picks another replica.
/// </summary>
public sealed class Portal_replicas
{
    private static readonly string DevKeyRing = Path.Combine(
        typeof(ServiceLaunch).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "k8s", "overlays", "dev", "portal-key-ring");

    private static InProcessHost<GatewayClient> Replica(string? keyRing) => new(0, new Dictionary<string, string?>
    {
        [GatewayClient.AddressKey] = "http://127.0.0.1:9/",
        ["Portal:DataProtection:KeyRing"] = keyRing,
    });

    private static IDataProtector CookieProtector(InProcessHost<GatewayClient> replica) =>
        replica.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Cookies", "v2");

    [Fact]
    public async Task Read_each_others_cookies_with_the_key_ring_they_share()
    {
        await using var first = Replica(DevKeyRing);
        await using var second = Replica(DevKeyRing);

        var cookie = CookieProtector(first).Protect("signed in");

        Assert.Equal("signed in", CookieProtector(second).Unprotect(cookie));
    }

    [Fact]
    public async Task Refuse_each_others_cookies_with_key_rings_of_their_own()
    {
        // As in pods with read-only file systems and no shared key ring: each generates a key of its own at start.
        var (own, other) = (Directory.CreateTempSubdirectory("em-keys-").FullName, Directory.CreateTempSubdirectory("em-keys-").FullName);
        try
        {
            await using var first = Replica(own);
            await using var second = Replica(other);

            var cookie = CookieProtector(first).Protect("signed in");

            Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => CookieProtector(second).Unprotect(cookie));
        }
        finally
        {
            Directory.Delete(own, recursive: true);
            Directory.Delete(other, recursive: true);
        }
    }
}
