using System.Data.Common;

namespace EcosystemMarket.AppHost;

/// <summary>
/// Where the system keeps its state: one data folder (SQLite files, the private broker's node, the development
/// signing key), or a SQL Server named by <c>ConnectionStrings:sqlserver</c> with one database per service.
/// </summary>
public sealed record EcosystemData(string Directory, string SigningKey, string? SqlServer)
{
    /// <summary>The signing key as the services receive it: a secret parameter, which the dashboard does not show.</summary>
    public IResourceBuilder<ParameterResource> SigningKeyParameter { get; private init; } = null!;

    /// <summary>
    /// Adds the app host's own flags (<see cref="AppHostOptions"/>) to the configuration, then prepares the data
    /// folder and the development signing key they name.
    /// </summary>
    public static EcosystemData Prepare(IDistributedApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddInMemoryCollection(AppHostOptions.Parse(args).Configuration);
        var directory = builder.Configuration[AppHostOptions.Keys.Data] ?? RepositoryLayout.DefaultDataDirectory;
        System.IO.Directory.CreateDirectory(directory);
        var signingKey = DevelopmentSigningKey.LoadOrCreate(directory);
        return new EcosystemData(directory, signingKey,
            builder.Configuration[AppHostOptions.Keys.SqlServer] is { Length: > 0 } sqlServer ? sqlServer : null)
        {
            SigningKeyParameter = builder.AddParameter("jwt-signing-key", signingKey, secret: true),
        };
    }

    /// <summary>A service's own database: a SQLite file in the data folder, or its database on the SQL Server.</summary>
    public string ConnectionString(string database)
    {
        if (SqlServer is null)
        {
            return $"Data Source={Path.Combine(Directory, database + ".db")}";
        }
        var connection = new DbConnectionStringBuilder { ConnectionString = SqlServer };
        connection.Remove("Database");
        connection["Initial Catalog"] = database;
        return connection.ConnectionString;
    }
}
