using EcosystemMarket.Partners.Model.Webhooks;

namespace EcosystemMarket.UnitTests;

/// <summary>Signatures as Standard Webhooks defines them, checked against the vector its libraries test with.</summary>
public sealed class Webhook_signatures
{
    // From the Standard Webhooks specification's test suite.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Body = "{\"test\": 2432232314}";
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    [Fact]
    public void Match_the_standard_s_known_vector() => Assert.Equal(Expected, WebhookSignature.Sign(Id, Timestamp, Body, [Secret]));

    [Fact]
    public void Verify_the_known_vector_and_refuse_a_changed_body_id_timestamp_or_secret()
    {
        Assert.True(WebhookSignature.Verify(Id, "1614265330", Body, Expected, Secret, SignedAt));
        Assert.False(WebhookSignature.Verify(Id, "1614265330", Body + " ", Expected, Secret, SignedAt));
        Assert.False(WebhookSignature.Verify("msg_other", "1614265330", Body, Expected, Secret, SignedAt));
        Assert.False(WebhookSignature.Verify(Id, "1614265331", Body, Expected, Secret, SignedAt));
        Assert.False(WebhookSignature.Verify(Id, "1614265330", Body, Expected, WebhookSignature.NewSecret(), SignedAt));
        Assert.False(WebhookSignature.Verify(Id, "1614265330", Body, "v1,not base64!", Secret, SignedAt));
    }

    [Fact]
    public void Refuse_a_timestamp_outside_the_tolerance()
    {
        Assert.True(WebhookSignature.Verify(Id, "1614265330", Body, Expected, Secret, SignedAt.AddMinutes(4)));
        Assert.False(WebhookSignature.Verify(Id, "1614265330", Body, Expected, Secret, SignedAt.AddMinutes(6)));
        Assert.False(WebhookSignature.Verify(Id, "1614265330", Body, Expected, Secret, SignedAt.AddMinutes(-6)));
    }

    [Fact]
    public void With_two_secrets_carry_two_signatures_each_verifying_with_its_own_secret()
    {
        var previous = WebhookSignature.NewSecret();
        var header = WebhookSignature.Sign(Id, Timestamp, Body, [Secret, previous]);

        Assert.Equal(2, header.Split(' ').Length);
        Assert.StartsWith(Expected + " v1,", header, StringComparison.Ordinal);
        Assert.True(WebhookSignature.Verify(Id, "1614265330", Body, header, Secret, SignedAt));
        Assert.True(WebhookSignature.Verify(Id, "1614265330", Body, header, previous, SignedAt));
    }

    [Fact]
    public void A_rotated_endpoint_signs_with_both_secrets_until_the_overlap_ends()
    {
        var now = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        var endpoint = WebhookEndpoint.Create(Guid.NewGuid(), "https://example.com/hooks", [], true, now);
        var rotated = endpoint.RotateSecret(now, TimeSpan.FromHours(24));

        Assert.NotEqual(endpoint.Secret, rotated.Secret);
        Assert.StartsWith(WebhookSignature.SecretPrefix, rotated.Secret, StringComparison.Ordinal);
        Assert.Equal([rotated.Secret, endpoint.Secret], rotated.SigningSecrets(now.AddHours(23)));
        Assert.Equal([rotated.Secret], rotated.SigningSecrets(now.AddHours(24)));
    }
}
