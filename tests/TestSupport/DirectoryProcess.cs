using System.Net;
using System.Net.Http.Json;

namespace EcosystemMarket.TestSupport;

/// <summary>
/// Partners as a process of its own, for tests that run Brokering or Settlement as processes: Brokering asks it who
/// takes part in a deal, Settlement what a partner's attested standing is. Its data folder is its own.
/// </summary>
public sealed class DirectoryProcess : IAsyncDisposable
{
    private readonly string _data;

    private DirectoryProcess(ServiceProcess partners, string data)
    {
        Partners = partners;
        _data = data;
    }

    public ServiceProcess Partners { get; }

    /// <summary>What a calling service needs to reach the directory's gRPC endpoint.</summary>
    public IReadOnlyDictionary<string, string> CallerSettings =>
        new Dictionary<string, string> { ["services__partners__grpc__0"] = $"http://127.0.0.1:{Partners.Resource.GrpcPort}" };

    public static async Task<DirectoryProcess> StartAsync(string messaging)
    {
        var data = Directory.CreateTempSubdirectory("em-partners-").FullName;
        var partners = new ServiceProcess("partners", messaging, data, TestTokens.SigningKey);
        try
        {
            await partners.StartAsync();
            return new DirectoryProcess(partners, data);
        }
        catch
        {
            await partners.DisposeAsync();
            throw;
        }
    }

    /// <summary>Settings for a calling service: its own, plus where the directory answers.</summary>
    public IReadOnlyDictionary<string, string> With(IReadOnlyDictionary<string, string>? settings) =>
        (settings ?? new Dictionary<string, string>()).Concat(CallerSettings).ToDictionary();

    /// <summary>Registers each partner with a small reseller profile, as Brokering requires of whoever takes part.</summary>
    public async Task RegisterAsync(IEnumerable<Guid> partnerIds, CancellationToken cancellationToken = default)
    {
        foreach (var partner in partnerIds)
        {
            using var client = Partners.Client(ServiceDefaults.Authentication.Roles.Partner, partner);
            using var registered = await client.PostAsJsonAsync("/api/partners", new
            {
                name = $"Partner {partner:N}"[..20], partnerFunction = "sales", category = "solution-reseller", tier = "registered",
                regions = new[] { "US" }, capabilities = new[] { new { code = "networking", proficiency = "advanced" } },
            }, cancellationToken);
            if (registered.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"Registering partner {partner} answered {(int)registered.StatusCode}: {await registered.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Partners.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
