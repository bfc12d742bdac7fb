using EcosystemMarket.AppHost;

var options = AppHostOptions.Parse(args);
if (options.Error is { } error)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(AppHostOptions.Usage);
    return 2;
}

return options.Command switch
{
    "token" => TokenCommand.Run(options),
    "help" => PrintUsage(),
    _ => await Orchestrator.RunAsync(options),
};

static int PrintUsage()
{
    Console.WriteLine(AppHostOptions.Usage);
    return 0;
}
