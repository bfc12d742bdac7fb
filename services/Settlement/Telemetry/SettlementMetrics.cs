using System.Diagnostics.Metrics;
using Dapper;
using EcosystemMarket.Data;
using EcosystemMarket.ServiceDefaults.Telemetry;
using EcosystemMarket.Settlement.Model;
using Microsoft.Extensions.Options;
using static EcosystemMarket.Contracts.Telemetry.EcosystemMetrics;

namespace EcosystemMarket.Settlement.Telemetry;

public sealed class SettlementMetricsOptions
{
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>The rewards gauge (amount per vendor, currency and state), from a snapshot of the ledger refreshed in the background.</summary>
public sealed class SettlementMetrics : GaugeSnapshot<double>
{
    private readonly Database _database;
    private readonly TimeProvider _clock;

    public SettlementMetrics(Database database, IMeterFactory meters, IOptions<SettlementMetricsOptions> options, TimeProvider clock, ILogger<SettlementMetrics> logger)
        : base(options.Value.RefreshInterval, clock, logger)
    {
        _database = database;
        _clock = clock;
        meters.Create(Meters.Settlement).CreateObservableGauge(Rewards.Name, () => Measurements(Rewards.Name), Rewards.Unit);
    }

    protected override async Task<IReadOnlyList<GaugeReading<double>>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var vendorIds = await connection.QueryAsync<string>(new CommandDefinition(_database.Sql(RewardTotalsSql.ProgramVendors), cancellationToken: cancellationToken));
        // The ledger knows a vendor only by its account id, a hash of its id: map the accounts back to the vendors.
        var vendorsByAccount = vendorIds.ToDictionary(VendorAccounts.For);
        var totals = await connection.QueryAsync<RewardTotals>(new CommandDefinition(_database.Sql(RewardTotalsSql.ByVendorAndCurrency),
            new { Now = _clock.GetUtcNow(), VendorAccounts = vendorsByAccount.Keys.Select(id => id.ToString("D")).ToList() },
            cancellationToken: cancellationToken));
        return totals.SelectMany(t => ReadingsOf(t, t.VendorAccount is { } account ? vendorsByAccount[account] : Tags.NoVendor)).ToList();
    }

    private static IEnumerable<GaugeReading<double>> ReadingsOf(RewardTotals totals, string vendor)
    {
        GaugeReading<double> Reading(string state, double amount) =>
            new(Rewards.Name, amount, [new(Tags.Vendor, vendor), new(Tags.Currency, totals.Currency), new(Tags.State, state)]);
        yield return Reading("accrued", totals.Accrued);
        yield return Reading("payable", totals.Payable);
        yield return Reading("paid", totals.Paid);
        yield return Reading("clawed-back", totals.ClawedBack);
    }

    // Settable properties, not a positional record: SQLite reports no type for computed columns of an empty result,
    // and Dapper then finds no constructor to match.
    private sealed record RewardTotals
    {
        public Guid? VendorAccount { get; init; }
        public string Currency { get; init; } = "";
        public double Accrued { get; init; }
        public double Payable { get; init; }
        public double Paid { get; init; }
        public double ClawedBack { get; init; }
    }
}
