using System.Diagnostics;
using EcosystemMarket.JourneyBenchmark;

var options = JourneyOptions.Parse(args);
if (options.Error is { } error)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(JourneyOptions.Usage);
    return 2;
}

if (options.ReadSigningKey() is not { } signingKey)
{
    Console.Error.WriteLine("No signing key: pass --signing-key, or --data with the folder of a system started by ./run.sh start (it keeps its key in <data>/signing-key).");
    Console.Error.WriteLine(JourneyOptions.Usage);
    return 2;
}

var loadAtStart = Report.LoadAverage();
using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    BaseAddress = options.Gateway,
    Timeout = TimeSpan.FromSeconds(30),
};
var gateway = new Gateway(http, signingKey);

// Every partner registers first: Brokering refuses partners the directory does not know.
var vars = Enumerable.Range(0, options.Clients).Select(_ => Guid.NewGuid()).ToList();
var isvs = Enumerable.Range(0, 2 * options.Clients).Select(_ => Guid.NewGuid()).ToList();
if ((await Journeys.RegisterAsync(gateway, isvs, "isv") ?? await Journeys.RegisterAsync(gateway, vars, "solution-reseller")) is { } refused)
{
    Console.Error.WriteLine($"Set-up failed: {refused}");
    return 1;
}

// The clock of the run starts once the partners are in: warm-up, then the measured window.
var start = Stopwatch.GetTimestamp();
var until = start + Ticks(options.Warmup + options.Seconds);
var recorder = new Recorder(start + Ticks(options.Warmup), until);
var journeys = new Journeys(gateway, recorder, options.MixOnly);
await Task.WhenAll(vars.Select(owner => Task.Run(() => journeys.RunAsync(owner, isvs, until, CancellationToken.None))));

new Report(options, recorder, loadAtStart, Report.LoadAverage(), Environment.GetCommandLineArgs()).Print(Console.Out);
if (recorder.Succeeded == 0)
{
    return 1;
}

if (options.Direct is { } direct)
{
    var overhead = await new GatewayOverhead(direct, options.Gateway, signingKey).MeasureAsync(isvs[0], options.Clients, options.Seconds, CancellationToken.None);
    Console.WriteLine();
    GatewayOverhead.Print(overhead, options.Clients, Console.Out);
    Console.WriteLine($"  load average at end {Report.LoadAverage()}");
    return overhead.Gateway.Requests == 0 || overhead.Direct.Requests == 0 ? 1 : 0;
}
return 0;

static long Ticks(int seconds) => seconds * Stopwatch.Frequency;
