using EcosystemMarket.Data;

namespace EcosystemMarket.UnitTests;

public class Dialect_inference
{
    [Theory]
    [InlineData("Data Source=x.db")]
    [InlineData("Data Source=/var/lib/market/partners.db;Cache=Shared;Pooling=true")]
    [InlineData("Data Source=:memory:")]
    public void Reads_a_connection_string_that_names_only_a_file_as_sqlite(string connectionString) =>
        Assert.Equal(SqlDialect.Sqlite, Database.InferDialect(connectionString, null));

    [Theory]
    [InlineData("Server=tcp:h,1433;Initial Catalog=db;User ID=sa;Password=p;TrustServerCertificate=true")]
    [InlineData("Server=127.0.0.1,1433;User ID=sa;Password=p;TrustServerCertificate=true;Initial Catalog=partners")]
    [InlineData("Data Source=tcp:h,1433;Initial Catalog=db;Integrated Security=true")]
    [InlineData("Data Source=h;Database=db;Trusted_Connection=True")]
    [InlineData("Address=h;User Id=sa;Password=p")]
    public void Reads_a_connection_string_that_names_a_server_as_sql_server(string connectionString) =>
        Assert.Equal(SqlDialect.SqlServer, Database.InferDialect(connectionString, null));

    [Theory]
    [InlineData("Data Source=x.db", "SqlServer", SqlDialect.SqlServer)]
    [InlineData("Server=tcp:h,1433;Initial Catalog=db;User ID=sa;Password=p", "sqlite", SqlDialect.Sqlite)]
    [InlineData("Server=tcp:h,1433;Initial Catalog=db;User ID=sa;Password=p", "SQLSERVER", SqlDialect.SqlServer)]
    public void Lets_an_explicit_provider_override_the_connection_string(string connectionString, string provider, SqlDialect expected) =>
        Assert.Equal(expected, Database.InferDialect(connectionString, provider));
}
