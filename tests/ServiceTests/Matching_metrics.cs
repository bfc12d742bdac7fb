using System.Net.Http.Json;
using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.Contracts.Telemetry;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.ServiceTests;

[Collection(nameof(MetricsScrapes))]
public sealed class Matching_metrics(MatchingFixture fixture) : IClassFixture<MatchingFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Searches_are_counted_at_metrics_as_matched_or_unmatched_over_rest_and_grpc()
    {
        var client = fixture.Host.CreateClient();
        static double Searches(IReadOnlyList<PrometheusSample> metrics, string outcome) =>
            metrics.ValueOf(EcosystemMetrics.MatchSearches.PrometheusName, (EcosystemMetrics.Tags.Outcome, outcome)) ?? 0;
        var before = await PrometheusScrape.ReadAsync(client, Cancel);

        var owner = Guid.NewGuid();
        await fixture.Matchmaker().FindPartnersAsync(new FindPartnersRequest
        {
            OwnerPartnerId = owner.ToString(), Needs = { new Need { Capability = "cloud.migration", MustHave = true } },
        }, cancellationToken: Cancel);
        var search = await fixture.Host.ClientFor(owner).PostAsJsonAsync("/api/matching/search",
            new { needs = new[] { new { capability = "quantum.annealing", mustHave = true } } }, Cancel);
        Assert.True(search.IsSuccessStatusCode);

        var after = await PrometheusScrape.ReadAsync(client, Cancel);
        Assert.Equal(1, Searches(after, "matched") - Searches(before, "matched"));
        Assert.Equal(1, Searches(after, "unmatched") - Searches(before, "unmatched"));
    }
}
