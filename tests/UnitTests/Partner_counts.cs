using EcosystemMarket.Data;
using EcosystemMarket.Data.Migrations;
using EcosystemMarket.Data.Outbox;
using EcosystemMarket.Partners.Infrastructure;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.Partners.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcosystemMarket.UnitTests;

/// <summary>The partner gauges' query on SQLite: active partners by type, tier and region, for the ecosystem and per program.</summary>
public sealed class Partner_counts : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"em-partner-counts-{Guid.NewGuid():N}.db");
    private Database _database = null!;
    private PartnerRepository _partners = null!;

    public async ValueTask InitializeAsync()
    {
        _database = new Database($"Data Source={_file}", SqlDialect.Sqlite, new OutboxSignal());
        await new MigrationRunner(_database, NullLogger<MigrationRunner>.Instance)
            .MigrateAsync([typeof(Database).Assembly, typeof(PartnerRepository).Assembly], TestContext.Current.CancellationToken);
        _partners = new PartnerRepository(_database, TimeProvider.System);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm", _file + ".migrations.lock" })
        {
            File.Delete(file);
        }
        return ValueTask.CompletedTask;
    }

    private static PartnerProfile Profile(string function, string category, string tier, string[] regions, params string[] programs) => new()
    {
        Name = $"{function} {tier}",
        PartnerFunction = function,
        Category = category,
        Tier = tier,
        Regions = regions,
        Capabilities = [new CapabilityInput("storage", "expert")],
        ProgramMemberships = programs,
    };

    [Fact]
    public async Task Count_each_active_partner_once_for_the_ecosystem_and_once_per_program_in_every_region_it_serves()
    {
        var cancel = TestContext.Current.CancellationToken;
        await _partners.RegisterAsync(Guid.NewGuid(), Profile("solution", "isv", "premier", ["US", "DE"], "acme", "globex"), cancel);
        await _partners.RegisterAsync(Guid.NewGuid(), Profile("solution", "isv", "advanced", ["US"], "acme"), cancel);
        await _partners.RegisterAsync(Guid.NewGuid(), Profile("service", "consulting-deployment", "premier", ["FR"]), cancel);
        var gone = Guid.NewGuid();
        await _partners.RegisterAsync(gone, Profile("solution", "isv", "premier", ["US"], "acme"), cancel);
        await _partners.DeactivateAsync(gone, cancel);

        var counts = (await new PartnerCounts(_database).ReadAsync(cancel)).Select(c => $"{c.Dimension}/{c.Vendor}/{c.Value}={c.Partners}").Order().ToArray();

        Assert.Equal(new[]
        {
            "region/*/DE=1", "region/*/FR=1", "region/*/US=2",
            "region/acme/DE=1", "region/acme/US=2",
            "region/globex/DE=1", "region/globex/US=1",
            "tier/*/advanced=1", "tier/*/premier=2",
            "tier/acme/advanced=1", "tier/acme/premier=1",
            "tier/globex/premier=1",
            "type/*/service=1", "type/*/solution=2",
            "type/acme/solution=2",
            "type/globex/solution=1",
        }.Order().ToArray(), counts);
    }
}
