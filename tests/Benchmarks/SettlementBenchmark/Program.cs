using EcosystemMarket.Benchmarks;
using EcosystemMarket.TestSupport;

var options = BenchmarkOptions.Parse(args);
if (options.Error is { } error)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

await using var broker = new RabbitMqVirtualHost();
await broker.InitializeAsync();
await using var system = await SettlementSystem.StartAsync(broker, options.SettlementSettings);
var bytes = await EndToEnd.MessageSizeAsync(system);
Console.WriteLine($"Settlement throughput, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {BuildConfiguration()} build, " +
                  $"RabbitMQ at {new Uri(broker.ConnectionString).Authority}; one OpportunityWon is {bytes} bytes on the wire" +
                  string.Concat(options.SettlementSettings.Select(s => $"; {s.Key}={s.Value}")));

// A first run of each, not counted, warms both paths up: JIT tiers, connections, queues, database pages.
await EndToEnd.SettleAsync(system, options.Wins);
await RawRabbitMq.MoveAsync(broker.ConnectionString, options.Wins, bytes, options.InFlight, options.Prefetch);

var endToEnd = new List<double>();
var raw = new List<double>();
var exactlyOnce = true;
for (var run = 1; run <= options.Runs; run++)
{
    var settled = await EndToEnd.SettleAsync(system, options.Wins);
    endToEnd.Add(settled.PerSecond);
    exactlyOnce &= settled.Verdict.IsExactlyOnce;
    Console.WriteLine($"  run {run}: end to end (outbox → RabbitMQ → Settlement → ledger) {settled.Wins:N0} wins in {settled.Elapsed.TotalSeconds:F2} s " +
                      $"= {settled.PerSecond:N0} settled wins/s; CPU per win: Settlement {settled.SettlementMicrosecondsPerWin:N0} µs, outbox side {settled.FeedMicrosecondsPerWin:N0} µs");
    Console.WriteLine($"         check: {settled.Verdict.Summary}");

    var moved = await RawRabbitMq.MoveAsync(broker.ConnectionString, options.Wins, bytes, options.InFlight, options.Prefetch);
    raw.Add(options.Wins / moved.TotalSeconds);
    Console.WriteLine($"         raw RabbitMQ.Client (persistent, publisher confirms, {options.InFlight} in flight, prefetch {options.Prefetch}, ack each) " +
                      $"{options.Wins:N0} messages in {moved.TotalSeconds:F2} s = {raw[^1]:N0} messages/s");
}

var (medianEndToEnd, medianRaw) = (Median(endToEnd), Median(raw));
Console.WriteLine($"  median of {options.Runs}: {medianEndToEnd:N0} settled wins/s end to end, {medianRaw:N0} messages/s raw, ratio {medianEndToEnd / medianRaw:F2}");
return exactlyOnce ? 0 : 1;

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static string BuildConfiguration() =>
    typeof(Program).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
        .OfType<System.Reflection.AssemblyConfigurationAttribute>().SingleOrDefault()?.Configuration ?? "unknown";
