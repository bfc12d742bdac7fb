using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using EcosystemMarket.EndToEndTests;
using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.BenchmarkSmokeTests;

/// <summary>
/// The journey benchmark against the whole system as the app host starts it, for seconds, with two clients; and the
/// portal's page benchmark against the same system, one round per page.
/// </summary>
public sealed class Journeys_at_a_tiny_size(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task The_journey_benchmark_completes_journeys_without_errors_and_prints_journeys_per_second_and_the_gateways_overhead()
    {
        var partners = system.App.GetEndpoint("partners", "http");
        var (exitCode, output) = await Benchmarks_at_a_tiny_size.RunAsync("JourneyBenchmark", "EcosystemMarket.JourneyBenchmark",
            "--gateway", system.Gateway.ToString(), "--signing-key", system.SigningKey, "--clients", "2", "--seconds", "3", "--warmup", "1",
            "--direct", partners.ToString());

        Assert.True(exitCode == 0, output);
        Assert.Contains("journeys/s", output, StringComparison.Ordinal);
        Assert.Contains("errors: 0", output, StringComparison.Ordinal);
        Assert.Matches(@"\| direct \| [1-9][0-9,]* \|", output);
        Assert.Matches(@"\| gateway \| [1-9][0-9,]* \|", output);
        Assert.Contains("gateway / direct: ", output, StringComparison.Ordinal);

        // The mix alone: journeys end at the invitation, so nothing is accepted, won or read from the ledger.
        var (mixExitCode, mix) = await Benchmarks_at_a_tiny_size.RunAsync("JourneyBenchmark", "EcosystemMarket.JourneyBenchmark",
            "--gateway", system.Gateway.ToString(), "--signing-key", system.SigningKey, "--clients", "2", "--seconds", "2", "--warmup", "1", "--mix-only");
        Assert.True(mixExitCode == 0, mix);
        Assert.Contains("errors: 0", mix, StringComparison.Ordinal);
        Assert.Matches(@"\| invite \| [1-9][0-9,]* \|", mix);
        Assert.DoesNotMatch(@"\| (accept|win|ledger) \| [1-9]", mix);
    }

    [Fact]
    public async Task The_portal_benchmark_signs_in_a_partner_and_a_vendor_and_times_every_page_without_errors()
    {
        var partner = Guid.NewGuid();
        using var http = system.Client();
        http.DefaultRequestHeaders.Authorization = new("Bearer", DevelopmentTokens.Create(system.SigningKey, Roles.Partner, partner));
        using var registered = await http.PostAsJsonAsync("api/partners", new
        {
            name = "Smoke Systems", partnerFunction = "solution", category = "isv", tier = "advanced", regions = new[] { "US" },
            capabilities = new[] { new { code = "storage", proficiency = "expert" } },
        }, TestContext.Current.CancellationToken);
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var (exitCode, output) = await Benchmarks_at_a_tiny_size.RunAsync("PortalBenchmark", "EcosystemMarket.PortalBenchmark",
            "--gateway", system.Gateway.ToString(), "--rounds", "1", "--partner", partner.ToString(), "--vendor", "smoke-vendor");

        Assert.True(exitCode == 0, output);
        Assert.Contains("slowest page at p90", output, StringComparison.Ordinal);
        Assert.Contains("errors: 0", output, StringComparison.Ordinal);
    }
}
