using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.AppHost;

/// <summary><c>apphost token</c>: mints a development token with the key the running system checks it against.</summary>
public static class TokenCommand
{
    public static int Run(AppHostOptions options)
    {
        if (options.Role == Roles.Partner && options.PartnerId is null)
        {
            Console.Error.WriteLine("A partner token needs --partner GUID (the organisation the user acts for).");
            return 2;
        }
        var data = options.Configuration.GetValueOrDefault(AppHostOptions.Keys.Data) ?? RepositoryLayout.DefaultDataDirectory;
        Console.WriteLine(DevelopmentTokens.Create(DevelopmentSigningKey.LoadOrCreate(data), options.Role, options.PartnerId, options.VendorId));
        return 0;
    }
}

public static class DevelopmentSigningKey
{
    /// <summary>One random key per data folder: tokens survive restarts, and a new folder starts clean.</summary>
    public static string LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "signing-key");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        Directory.CreateDirectory(dataDirectory);
        var key = DevelopmentTokens.NewSigningKey();
        File.WriteAllText(path, key);
        return key;
    }
}
