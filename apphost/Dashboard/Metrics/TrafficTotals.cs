using System.Text.RegularExpressions;

namespace EcosystemMarket.Dashboard.Metrics;

/// <summary>
/// A service's traffic counters at one scrape, summed over its series: HTTP requests (ASP.NET Core's
/// <c>http.server.request.duration</c> histogram) and MassTransit's consume and publish counters.
/// </summary>
public sealed partial record TrafficTotals(
    double Requests,
    double ServerErrors,
    double ClientErrors,
    IReadOnlyDictionary<double, double> Buckets,
    double Consumed,
    double Published)
{
    private const string RequestDuration = "http_server_request_duration_seconds";

    // The dashboard's own scrapes and the orchestrator's probes are not the service's traffic.
    private static readonly HashSet<string> HousekeepingRoutes = ["/metrics", "/health", "/alive"];

    public static TrafficTotals From(IReadOnlyList<MetricSample> samples)
    {
        double requests = 0, serverErrors = 0, clientErrors = 0, consumed = 0, published = 0;
        var buckets = new Dictionary<double, double>();
        foreach (var sample in samples)
        {
            if (sample.Name.StartsWith(RequestDuration, StringComparison.Ordinal) && HousekeepingRoutes.Contains(sample.Label("http_route") ?? ""))
            {
                continue;
            }
            switch (sample.Name)
            {
                case RequestDuration + "_count":
                    requests += sample.Value;
                    var status = sample.Label("http_response_status_code") ?? "";
                    serverErrors += status.StartsWith('5') ? sample.Value : 0;
                    clientErrors += status.StartsWith('4') ? sample.Value : 0;
                    break;
                case RequestDuration + "_bucket" when PrometheusText.TryParseValue(sample.Label("le"), out var upperBound):
                    buckets[upperBound] = buckets.GetValueOrDefault(upperBound) + sample.Value;
                    break;
                default:
                    var messaging = MassTransitCounter().Match(sample.Name);
                    consumed += messaging.Success && messaging.Groups["operation"].Value == "consume" ? sample.Value : 0;
                    published += messaging.Success && messaging.Groups["operation"].Value == "send" ? sample.Value : 0;
                    break;
            }
        }
        return new TrafficTotals(requests, serverErrors, clientErrors, buckets, consumed, published);
    }

    /// <summary>
    /// What happened between two scrapes. A total that went down means the process restarted in between, and
    /// everything it counts now happened since.
    /// </summary>
    public TrafficTotals Since(TrafficTotals? previous)
    {
        if (previous is null || Requests < previous.Requests || Consumed < previous.Consumed || Published < previous.Published)
        {
            return this;
        }
        return new TrafficTotals(
            Requests - previous.Requests,
            ServerErrors - previous.ServerErrors,
            ClientErrors - previous.ClientErrors,
            Buckets.ToDictionary(b => b.Key, b => b.Value - previous.Buckets.GetValueOrDefault(b.Key)),
            Consumed - previous.Consumed,
            Published - previous.Published);
    }

    public double? Quantile(double quantile) =>
        HistogramQuantile.Estimate(Buckets.Select(b => (b.Key, b.Value)).ToList(), quantile);

    // MassTransit's instruments are messaging.masstransit.consume and .send (InstrumentationOptions' defaults; a
    // publish counts as a send); the exporter appends their unit ("ea") before _total. Errors, retries and
    // durations have names of their own.
    [GeneratedRegex("^messaging_masstransit_(?<operation>consume|send)(_ea)?_total$")]
    private static partial Regex MassTransitCounter();
}
