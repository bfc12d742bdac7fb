using EcosystemMarket.Partners.Model.Webhooks;

namespace EcosystemMarket.UnitTests;

/// <summary>A failed delivery is tried again with growing delays, jittered, for more than a day; then it has failed.</summary>
public sealed class Webhook_retries
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_default_schedule_grows_and_spans_more_than_a_day()
    {
        var delays = RetrySchedule.Default.Delays;

        Assert.Equal(TimeSpan.FromMinutes(1), delays[0]);
        Assert.All(delays.Zip(delays.Skip(1)), pair => Assert.True(pair.Second > pair.First));
        Assert.True(delays.Aggregate(TimeSpan.Zero, (sum, delay) => sum + delay) > TimeSpan.FromDays(1));
        Assert.Equal(8, RetrySchedule.Default.MaxAttempts);
    }

    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 300)]
    [InlineData(7, 86_400)]
    public void Each_failure_waits_its_delay_give_or_take_a_tenth(int attempts, int seconds)
    {
        var low = RetrySchedule.Default.NextAttempt(attempts, Now, 0.0)!.Value;
        var middle = RetrySchedule.Default.NextAttempt(attempts, Now, 0.5)!.Value;
        var high = RetrySchedule.Default.NextAttempt(attempts, Now, 0.999_999)!.Value;

        Assert.Equal(Now.AddSeconds(seconds), middle);
        Assert.Equal(Now.AddSeconds(seconds * 0.9), low);
        Assert.InRange(high, Now.AddSeconds(seconds * 1.0999), Now.AddSeconds(seconds * 1.1));
    }

    [Fact]
    public void After_the_last_delay_the_delivery_has_failed()
    {
        Assert.Null(RetrySchedule.Default.NextAttempt(8, Now, 0.5));

        var last = WebhookAttempt.Of(attemptsBefore: 7, 503, null, Now, RetrySchedule.Default, 0.5);
        Assert.Equal(WebhookDelivery.Failed, last.State);
        Assert.Null(last.NextAttemptAt);
        Assert.Equal("The receiver answered 503.", last.Error);
    }

    [Fact]
    public void A_2xx_delivers_and_anything_else_waits_for_the_next_attempt()
    {
        var delivered = WebhookAttempt.Of(0, 204, null, Now, RetrySchedule.Default, 0.5);
        var refused = WebhookAttempt.Of(0, null, "Connection refused", Now, RetrySchedule.Default, 0.5);
        var redirected = WebhookAttempt.Of(1, 302, null, Now, RetrySchedule.Default, 0.5);

        Assert.Equal((WebhookDelivery.Delivered, Now), (delivered.State, delivered.DeliveredAt!.Value));
        Assert.Equal((WebhookDelivery.Pending, Now.AddMinutes(1), "Connection refused"), (refused.State, refused.NextAttemptAt!.Value, refused.Error));
        Assert.Equal((WebhookDelivery.Pending, Now.AddMinutes(5)), (redirected.State, redirected.NextAttemptAt!.Value));
    }

    [Fact]
    public void A_schedule_in_configuration_is_read_in_order()
    {
        var schedule = RetrySchedule.Parse("00:00:01, 00:00:02,00:00:04");

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], schedule.Delays);
        Assert.Same(RetrySchedule.Default, RetrySchedule.Parse(""));
    }
}
