using System.Security.Cryptography;
using System.Text;

namespace EcosystemMarket.AppHost.Seeding;

/// <summary>
/// A demo organisation's id derived from its name, so seeding the same data folder again addresses the same
/// partners (and their tokens) instead of registering look-alikes.
/// </summary>
public static class DemoIds
{
    public static Guid For(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("ecosystemmarket-demo:" + name));
        return new Guid(hash.AsSpan(0, 16));
    }
}
