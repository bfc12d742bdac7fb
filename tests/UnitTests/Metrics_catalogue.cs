using System.Reflection;
using System.Text.RegularExpressions;
using EcosystemMarket.Contracts.Telemetry;

namespace EcosystemMarket.UnitTests;

public partial class Metrics_catalogue
{
    private static IReadOnlyList<EcosystemMetrics.Instrument> Instruments =>
        typeof(EcosystemMetrics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(EcosystemMetrics.Instrument))
            .Select(f => (EcosystemMetrics.Instrument)f.GetValue(null)!)
            .ToList();

    [Fact]
    public void Names_every_instrument_once_with_a_valid_prometheus_name()
    {
        Assert.NotEmpty(Instruments);
        Assert.Equal(Instruments.Count, Instruments.Select(i => i.Name).Distinct().Count());
        Assert.Equal(Instruments.Count, Instruments.Select(i => i.PrometheusName).Distinct().Count());
        Assert.All(Instruments, i => Assert.Matches(PrometheusName(), i.PrometheusName));
    }

    [Fact]
    public void Follows_the_exporters_rule_for_units_and_counters()
    {
        Assert.Equal("ecosystem_partners_by_type", EcosystemMetrics.PartnersByType.PrometheusName);
        Assert.Equal("ecosystem_matching_searches_total", EcosystemMetrics.MatchSearches.PrometheusName);
        Assert.Equal("ecosystem_invitations_response_time_seconds", EcosystemMetrics.InvitationResponseTime.PrometheusName);
        Assert.Equal("ecosystem_rewards_amount", EcosystemMetrics.Rewards.PrometheusName);
    }

    [Fact]
    public void Lists_every_meter()
    {
        var constants = typeof(EcosystemMetrics.Meters).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!);
        Assert.Equal(constants.Order(), EcosystemMetrics.Meters.All.Order());
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*\\z")]
    private static partial Regex PrometheusName();
}
