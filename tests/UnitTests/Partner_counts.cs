using EcosystemMarket.Data;
using EcosystemMarket.Partners.Infrastructure;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.Partners.Telemetry;

using EcosystemMarket.TestSupport;

namespace EcosystemMarket.UnitTests;

/// <summary>The partner gauges' query on SQLite: active partners by type, tier and region, for the ecosystem and per program.</summary>
public sealed class Partner_counts : IAsyncLifetime
{
    private MigratedSqliteFile _file = null!;
    private PartnerRepository _partners = null!;

    public async ValueTask InitializeAsync()
    {
        _file = await MigratedSqliteFile.CreateAsync("partner-counts", [typeof(PartnerRepository).Assembly], TestContext.Current.CancellationToken);
        _partners = new PartnerRepository(_file.Database, TimeProvider.System);
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();

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

        var counts = (await new PartnerCounts(_file.Database).ReadAsync(cancel)).Select(c => $"{c.Dimension}/{c.Vendor}/{c.Value}={c.Partners}").Order().ToArray();

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
