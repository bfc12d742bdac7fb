using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.AppHost;

/// <summary>Mints development tokens with the key the running system checks them against.</summary>
public static class TokenCommand
{
    public static int Run(AppHostOptions options)
    {
        if (options.Role == Roles.Partner && options.PartnerId is null)
        {
            Console.Error.WriteLine("A partner token needs --partner GUID (the organisation the user acts for).");
            return 2;
        }
        Console.WriteLine(DevelopmentTokens.Create(SigningKey.LoadOrCreate(options.SigningKeyFile), options.Role, options.PartnerId, options.VendorId));
        return 0;
    }
}

public static class SigningKey
{
    /// <summary>One random key per data folder: tokens survive restarts, and a new folder starts clean.</summary>
    public static string LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = DevelopmentTokens.NewSigningKey();
        File.WriteAllText(path, key);
        return key;
    }
}
