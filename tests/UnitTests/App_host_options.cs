using EcosystemMarket.AppHost;

namespace EcosystemMarket.UnitTests;

public class App_host_options
{
    [Fact]
    public void Turn_flags_into_the_configuration_keys_of_the_distributed_application()
    {
        var options = AppHostOptions.Parse(["--data", "/tmp/em", "--gateway-port", "0", "--messaging", "amqp://guest:guest@broker:5672/", "--seed-demo",
            "--trace-sampling", "0.05"]);

        Assert.Null(options.Error);
        Assert.Equal("run", options.Command);
        Assert.Equal("/tmp/em", options.Configuration[AppHostOptions.Keys.Data]);
        Assert.Equal("0", options.Configuration[AppHostOptions.Keys.GatewayPort]);
        Assert.Equal("amqp://guest:guest@broker:5672/", options.Configuration[AppHostOptions.Keys.Messaging]);
        Assert.Equal("true", options.Configuration[AppHostOptions.Keys.SeedDemo]);
        Assert.Equal("0.05", options.Configuration[AppHostOptions.Keys.TraceSampling]);
    }

    [Fact]
    public void Pass_any_Key_equals_value_argument_on_to_Aspire()
    {
        var options = AppHostOptions.Parse(["--ASPNETCORE_URLS=http://localhost:19999", "--seed-demo"]);

        Assert.Null(options.Error);
        Assert.DoesNotContain(options.Configuration.Keys, key => key.Contains("ASPNETCORE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--gateway-port", "70000")]
    [InlineData("--gateway-port", "http")]
    [InlineData("--messaging", "http://broker:5672/")]
    [InlineData("--trace-sampling", "1.5")]
    [InlineData("--trace-sampling", "half")]
    [InlineData("--colour", "blue")]
    public void Refuse_a_bad_value_or_an_unknown_flag(string flag, string value)
    {
        var options = AppHostOptions.Parse([flag, value]);

        Assert.Contains(flag, options.Error);
    }

    [Fact]
    public void Refuse_a_flag_without_its_value()
    {
        Assert.Equal("--data needs a value.", AppHostOptions.Parse(["--data"]).Error);
    }

    [Fact]
    public void Read_the_token_command_with_its_role_and_organisation()
    {
        var partner = Guid.NewGuid();

        var options = AppHostOptions.Parse(["token", "--role", "partner", "--partner", partner.ToString(), "--data", "/tmp/em"]);

        Assert.Equal(("token", "partner", partner), (options.Command, options.Role, options.PartnerId));
        Assert.Equal("/tmp/em", options.Configuration[AppHostOptions.Keys.Data]);
    }

    [Fact]
    public void Give_each_service_a_SQLite_file_in_the_data_folder_by_default()
    {
        var data = new EcosystemData("/tmp/em", "key", SqlServer: null);

        Assert.Equal("Data Source=/tmp/em/partnersdb.db", data.ConnectionString("partnersdb"));
    }

    [Fact]
    public void Give_each_service_its_own_database_on_a_configured_SQL_Server()
    {
        var data = new EcosystemData("/tmp/em", "key", SqlServer: "Server=sql.example;User ID=em;Password=secret;TrustServerCertificate=true");

        var connection = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = data.ConnectionString("settlementdb") };

        Assert.Equal("settlementdb", connection["Initial Catalog"]);
        Assert.Equal("sql.example", connection["Server"]);
        Assert.Equal("secret", connection["Password"]);
    }

    [Fact]
    public void Name_the_service_s_database_even_when_the_configured_string_names_another()
    {
        var data = new EcosystemData("/tmp/em", "key", SqlServer: "Server=sql.example;Database=master");

        var connection = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = data.ConnectionString("brokeringdb") };

        Assert.False(connection.ContainsKey("Database"));
        Assert.Equal("brokeringdb", connection["Initial Catalog"]);
    }
}
