using EcosystemMarket.Contracts.Telemetry;
using EcosystemMarket.Dashboard.Ecosystem;
using EcosystemMarket.Dashboard.Metrics;

namespace EcosystemMarket.UnitTests;

public sealed class Prometheus_text
{
    private const string Exposition = """
        # HELP ecosystem_opportunities_posted_total Opportunities posted
        # TYPE ecosystem_opportunities_posted_total counter
        ecosystem_opportunities_posted_total{vendor="acme"} 3 1700000000000
        # TYPE ecosystem_partners_by_type gauge
        ecosystem_partners_by_type{vendor="*",type="isv"} 12
        # TYPE http_server_request_duration_seconds histogram
        http_server_request_duration_seconds_bucket{http_route="/api/x",le="0.1"} 4
        http_server_request_duration_seconds_bucket{http_route="/api/x",le="+Inf"} 5
        http_server_request_duration_seconds_sum{http_route="/api/x"} 0.9
        http_server_request_duration_seconds_count{http_route="/api/x"} 5
        odd_metric{path="C:\\temp",quote="say \"hi\"",lines="a\nb"} NaN
        """;

    [Fact]
    public void Reads_counters_gauges_and_histogram_parts_with_their_labels()
    {
        var samples = PrometheusText.Parse(Exposition);

        Assert.Equal(7, samples.Count);
        var posted = samples[0];
        Assert.Equal((EcosystemMetrics.OpportunitiesPosted.PrometheusName, 3.0, MetricKind.Counter), (posted.Name, posted.Value, posted.Kind));
        Assert.Equal("acme", posted.Label("vendor"));
        Assert.Equal(MetricKind.Gauge, samples[1].Kind);
        Assert.All(samples.Skip(2).Take(4), s => Assert.Equal(MetricKind.Histogram, s.Kind));
        Assert.Equal("+Inf", samples[3].Label("le"));
    }

    [Fact]
    public void Unescapes_label_values()
    {
        var odd = PrometheusText.Parse(Exposition)[^1];

        Assert.Equal(@"C:\temp", odd.Label("path"));
        Assert.Equal("say \"hi\"", odd.Label("quote"));
        Assert.Equal("a\nb", odd.Label("lines"));
        Assert.True(double.IsNaN(odd.Value));
    }
}

public sealed class Histogram_quantiles
{
    [Fact]
    public void Interpolate_inside_the_bucket_the_rank_falls_in()
    {
        // 10 observations: 4 up to 0.1 s, 4 more up to 0.5 s, 2 beyond.
        (double, double)[] buckets = [(0.1, 4), (0.5, 8), (double.PositiveInfinity, 10)];

        // The median is the 5th observation: a quarter of the way through the 4 in (0.1, 0.5].
        Assert.Equal(0.2, HistogramQuantile.Estimate(buckets, 0.5)!.Value, 6);
        Assert.Equal(0.5, HistogramQuantile.Estimate(buckets, 0.99));
        Assert.Null(HistogramQuantile.Estimate([(0.1, 0), (double.PositiveInfinity, 0)], 0.5));
    }
}

public sealed class Counter_resets
{
    [Fact]
    public void Carry_what_was_counted_before_a_restart()
    {
        var resets = new CounterResets();

        Assert.Equal([5, 9, 11, 20], new[] { 5.0, 9, 2, 11 }.Select(raw => resets.Corrected("posted", raw)).ToArray());
    }

    [Fact]
    public void Make_traffic_since_a_restart_count_from_zero()
    {
        var before = new TrafficTotals(100, 5, 1, new Dictionary<double, double> { [0.1] = 90, [double.PositiveInfinity] = 100 }, 10, 10);
        var afterRestart = new TrafficTotals(7, 1, 0, new Dictionary<double, double> { [0.1] = 6, [double.PositiveInfinity] = 7 }, 2, 1);

        Assert.Same(afterRestart, afterRestart.Since(before));
        Assert.Equal(3, new TrafficTotals(103, 6, 1, before.Buckets, 10, 10).Since(before).Requests);
    }
}

public sealed class Traffic_totals
{
    [Fact]
    public void Count_requests_by_status_and_messages_but_not_the_dashboards_own_scrapes()
    {
        var totals = TrafficTotals.From(PrometheusText.Parse("""
            # TYPE http_server_request_duration_seconds histogram
            http_server_request_duration_seconds_count{http_route="/api/x",http_response_status_code="200"} 90
            http_server_request_duration_seconds_count{http_route="/api/x",http_response_status_code="503"} 6
            http_server_request_duration_seconds_count{http_route="/api/x",http_response_status_code="404"} 4
            http_server_request_duration_seconds_count{http_route="/metrics",http_response_status_code="200"} 1000
            # TYPE messaging_masstransit_consume_ea_total counter
            messaging_masstransit_consume_ea_total{messaging_masstransit_message_type="OpportunityWon"} 12
            messaging_masstransit_consume_errors_ea_total{messaging_masstransit_message_type="OpportunityWon"} 2
            messaging_masstransit_send_ea_total 5
            """));

        Assert.Equal((100.0, 6.0, 4.0, 12.0, 5.0), (totals.Requests, totals.ServerErrors, totals.ClientErrors, totals.Consumed, totals.Published));
    }
}

public sealed class Vendor_scope
{
    private static readonly Dictionary<string, string> Acme = new() { ["vendor"] = "acme" };
    private static readonly Dictionary<string, string> Globex = new() { ["vendor"] = "globex" };
    private static readonly Dictionary<string, string> Everyone = new() { ["vendor"] = EcosystemMetrics.Tags.AllVendors };

    [Fact]
    public void Shows_a_vendor_only_its_own_series()
    {
        var acme = new VendorScope("acme");

        Assert.True(acme.Includes(Acme));
        Assert.False(acme.Includes(Globex));
        Assert.False(acme.IncludesPartners(Everyone));
    }

    [Fact]
    public void Counts_the_whole_ecosystems_partners_once()
    {
        Assert.True(VendorScope.WholeEcosystem.IncludesPartners(Everyone));
        Assert.False(VendorScope.WholeEcosystem.IncludesPartners(Acme));
        Assert.True(VendorScope.WholeEcosystem.Includes(Globex));
    }
}
