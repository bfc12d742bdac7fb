namespace EcosystemMarket.AppHost;

public static class AppHostCommands
{
    /// <summary>
    /// The command lines that do not start the system: <c>help</c>, <c>token</c>, and a usage error. Returns the exit
    /// code when one of them ran, null when the system is to start.
    /// </summary>
    public static int? RunInstead(string[] args)
    {
        var options = AppHostOptions.Parse(args);
        switch (options)
        {
            case { Error: { } error }:
                Console.Error.WriteLine(error);
                Console.Error.WriteLine(AppHostOptions.Usage);
                return 2;
            case { Command: "help" }:
                Console.WriteLine(AppHostOptions.Usage);
                return 0;
            case { Command: "token" }:
                return TokenCommand.Run(options);
            default:
                return null;
        }
    }
}
