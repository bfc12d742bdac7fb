namespace EcosystemMarket.JourneyBenchmark;

public sealed record JourneyOptions
{
    public const string Usage = """
        usage: JourneyBenchmark [--gateway URL] [--signing-key KEY | --data DIR] [--clients N] [--seconds S] [--warmup S] [--direct URL] [--mix-only]
          --gateway URL      the running system's gateway (default http://localhost:5080)
          --signing-key KEY  the key its tokens are signed with (default: read from <data>/signing-key)
          --data DIR         the app host's data folder (default the repository's .data)
          --clients N        VARs running journeys at once, each in a loop (default 32)
          --seconds S        measured time (default 20)
          --warmup S         time before it, run but not measured (default 3)
          --direct URL       Partners' own http address (the dashboard lists it): then also the gateway's overhead,
                             the same read straight and through the gateway, by the same clients for the same time
          --mix-only         journeys of post, suggestions and invite only (the mix issue 13's first figures measured),
                             without accept, win and ledger
        """;

    public Uri Gateway { get; init; } = new("http://localhost:5080");
    public string? SigningKey { get; init; }
    public string? Data { get; init; }
    public int Clients { get; init; } = 32;
    public int Seconds { get; init; } = 20;
    public int Warmup { get; init; } = 3;
    public Uri? Direct { get; init; }
    public bool MixOnly { get; init; }
    public string? Error { get; init; }

    public static JourneyOptions Parse(string[] args)
    {
        var options = new JourneyOptions();
        for (var i = 0; i < args.Length && options.Error is null; i += 2)
        {
            if (args[i] == "--mix-only")
            {
                // A flag: no value follows it.
                options = options with { MixOnly = true };
                i -= 1;
                continue;
            }
            var text = i + 1 < args.Length ? args[i + 1] : null;
            var number = int.TryParse(text, out var n) && n >= 0 ? n : (int?)null;
            options = (args[i], text, number) switch
            {
                ("--gateway", { } url, _) when Uri.TryCreate(url, UriKind.Absolute, out var gateway) => options with { Gateway = gateway },
                ("--signing-key", { Length: > 0 } key, _) => options with { SigningKey = key },
                ("--data", { Length: > 0 } data, _) => options with { Data = data },
                ("--clients", _, > 0 and var clients) => options with { Clients = clients },
                ("--seconds", _, > 0 and var seconds) => options with { Seconds = seconds },
                ("--warmup", _, { } warmup) => options with { Warmup = warmup },
                ("--direct", { } url, _) when Uri.TryCreate(url, UriKind.Absolute, out var direct) => options with { Direct = direct },
                _ => options with { Error = $"Unknown option or bad value: {string.Join(' ', args.Skip(i).Take(2))}" },
            };
        }
        return options;
    }

    /// <summary>The key given, or the one the app host keeps in its data folder (as <c>DevelopmentSigningKey</c> reads it); null when there is none.</summary>
    public string? ReadSigningKey()
    {
        var path = Path.Combine(Data ?? Path.Combine(RepositoryRoot(), ".data"), "signing-key");
        return SigningKey ?? (File.Exists(path) ? File.ReadAllText(path).Trim() : null);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EcosystemMarket.sln")))
            {
                return directory.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
