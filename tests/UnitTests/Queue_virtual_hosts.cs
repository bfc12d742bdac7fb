using EcosystemMarket.AppHost;
using EcosystemMarket.Dashboard.Queues;

namespace EcosystemMarket.UnitTests;

public class Queue_virtual_hosts
{
    [Theory]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/", "/")]
    [InlineData("amqp://guest:guest@127.0.0.1:5672", "/")]
    [InlineData("amqp://user:pass@rabbit:5672/ecosystem", "ecosystem")]
    [InlineData("amqps://user:pass@rabbit/team%2Fone", "team/one")]
    [InlineData("host=rabbit;username=guest", null)]
    [InlineData(null, null)]
    public void The_dashboard_shows_the_virtual_host_its_messaging_connection_names(string? connection, string? expected) =>
        Assert.Equal(expected, RabbitMqMonitor.VirtualHostOf(connection));

    [Fact]
    public void The_app_host_takes_a_management_api_for_the_broker_it_is_given_and_refuses_one_without_it()
    {
        var given = AppHostOptions.Parse(["--messaging", "amqp://rabbit/", "--messaging-management", "http://rabbit:15672/"]);
        Assert.Null(given.Error);
        Assert.Equal("http://rabbit:15672/", given.MessagingManagement);

        Assert.NotNull(AppHostOptions.Parse(["--messaging", "amqp://rabbit/", "--messaging-management", "rabbit:15672"]).Error);
        Assert.Contains("--messaging names", AppHostOptions.Parse(["--messaging-management", "http://rabbit:15672/"]).Error);
    }
}
