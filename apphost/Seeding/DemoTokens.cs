using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.AppHost.Seeding;

/// <summary>Development tokens for the demo's actors, signed in-process with the key the running system checks.</summary>
public sealed class DemoTokens(string signingKey)
{
    private readonly Dictionary<string, string> _issued = [];

    public string Partner(Guid partnerId) => Issue($"partner:{partnerId}", () => DevelopmentTokens.Create(signingKey, Roles.Partner, partnerId));

    public string Vendor(string vendorId) => Issue($"vendor:{vendorId}", () => DevelopmentTokens.Create(signingKey, Roles.Vendor, vendorId: vendorId));

    private string Issue(string actor, Func<string> create)
    {
        lock (_issued)
        {
            if (!_issued.TryGetValue(actor, out var token))
            {
                token = _issued[actor] = create();
            }
            return token;
        }
    }
}
