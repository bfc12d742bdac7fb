using System.Diagnostics;
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
await using var system = await SettlementSystem.StartAsync(broker);
var bytes = await EndToEnd.MessageSizeAsync(system);
Console.WriteLine($"Settlement throughput on {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Configuration()} build; " +
                  $"broker {new Uri(broker.ConnectionString).Authority}; one OpportunityWon = {bytes} bytes on the wire");

await EndToEnd.SettleAsync(system, Math.Min(options.Wins, 2_000));
var run = await EndToEnd.SettleAsync(system, options.Wins);
Console.WriteLine($"  end to end (outbox → RabbitMQ → Settlement → ledger): {run.Wins:N0} wins in {run.Elapsed.TotalSeconds:F2} s = {run.PerSecond:N0} settled wins/s");
Console.WriteLine($"    check: {run.Verdict.Summary}");

await RawRabbitMq.MoveAsync(broker.ConnectionString, Math.Min(options.Wins, 2_000), bytes, options.InFlight, options.Prefetch);
var raw = await RawRabbitMq.MoveAsync(broker.ConnectionString, options.Wins, bytes, options.InFlight, options.Prefetch);
var rawRate = options.Wins / raw.TotalSeconds;
Console.WriteLine($"  raw RabbitMQ.Client (persistent, {options.InFlight} confirms in flight, prefetch {options.Prefetch}, ack each): " +
                  $"{options.Wins:N0} messages in {raw.TotalSeconds:F2} s = {rawRate:N0} messages/s");
Console.WriteLine($"  ratio end to end / raw: {run.PerSecond / rawRate:F2}");
return run.Verdict.IsExactlyOnce ? 0 : 1;

static string Configuration() =>
    typeof(Program).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
        .OfType<System.Reflection.AssemblyConfigurationAttribute>().FirstOrDefault()?.Configuration ?? (Debugger.IsAttached ? "Debug" : "?");
