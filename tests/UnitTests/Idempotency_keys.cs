using System.Security.Claims;
using System.Text;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.ServiceDefaults.Idempotency;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.Extensions.Primitives;

namespace EcosystemMarket.UnitTests;

public class Idempotency_keys
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly RequestFingerprint Posting = RequestFingerprint.Of("POST", "/api/opportunities", "{\"a\":1}"u8);
    private static readonly StoredAnswer Created = new(201, new Dictionary<string, string> { ["Location"] = "/api/opportunities/1" }, "{}"u8.ToArray());

    [Theory]
    [InlineData("0b5b3f0e-6c58-4c1f-9a43-8c1f5a3d9e2e")]
    [InlineData("k")]
    [InlineData("order 42: retry ~ #1")]
    public void A_key_of_printable_ascii_characters_is_accepted(string key) =>
        Assert.True(IdempotencyKey.TryRead(new StringValues(key), out _));

    [Theory]
    [InlineData("")]
    [InlineData("clé")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    public void An_empty_key_or_one_with_other_characters_is_refused(string key) =>
        Assert.False(IdempotencyKey.TryRead(new StringValues(key), out _));

    [Fact]
    public void A_key_is_at_most_255_characters_and_sent_once()
    {
        Assert.True(IdempotencyKey.IsValid(new string('k', 255)));
        Assert.False(IdempotencyKey.IsValid(new string('k', 256)));
        Assert.False(IdempotencyKey.TryRead(new StringValues(["a", "b"]), out _));
    }

    [Fact]
    public void The_caller_is_the_subject_and_the_partner_it_acts_for()
    {
        var partner = Guid.NewGuid();

        Assert.Equal($"user-1|{partner}", IdempotencyKey.CallerOf(User(("sub", "user-1"), ("partner_id", partner.ToString()))));
        Assert.Equal("vendor-acme", IdempotencyKey.CallerOf(User(("sub", "vendor-acme"), ("vendor_id", "acme"))));
        Assert.Null(IdempotencyKey.CallerOf(User(("partner_id", partner.ToString()))));
    }

    [Fact]
    public void A_caller_too_long_for_its_column_is_kept_as_its_hash()
    {
        var caller = IdempotencyKey.CallerOf(User(("sub", new string('s', 400))))!;

        Assert.StartsWith("sha256:", caller);
        Assert.True(caller.Length <= IdempotencyKey.MaxCallerLength);
        Assert.Equal(caller, IdempotencyKey.CallerOf(User(("sub", new string('s', 400)))));
    }

    [Fact]
    public void A_fingerprint_is_the_method_the_path_and_the_sha256_of_the_body()
    {
        Assert.Equal(Posting, RequestFingerprint.Of("post", "/api/opportunities", "{\"a\":1}"u8));
        Assert.NotEqual(Posting, RequestFingerprint.Of("POST", "/api/opportunities", "{\"a\": 1}"u8));
        Assert.NotEqual(Posting, RequestFingerprint.Of("POST", "/api/deal-registrations", "{\"a\":1}"u8));
        // SHA-256 of the empty body, as published.
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", RequestFingerprint.HashOf([]));
    }

    [Fact]
    public async Task Hashing_a_stream_equals_hashing_its_bytes()
    {
        var body = Encoding.UTF8.GetBytes(new string('x', 100_000));

        Assert.Equal(RequestFingerprint.HashOf(body), await RequestFingerprint.HashOfAsync(new MemoryStream(body), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_finished_request_with_the_same_fingerprint_is_replayed() =>
        Assert.Equal(IdempotencyVerdict.Replay, IdempotencyRules.Decide(new ExistingKey(Posting, Created, null), Posting, Now));

    [Fact]
    public void Another_fingerprint_is_a_mismatch_even_while_the_first_runs()
    {
        var other = RequestFingerprint.Of("POST", "/api/opportunities", "{\"a\":2}"u8);

        Assert.Equal(IdempotencyVerdict.Mismatch, IdempotencyRules.Decide(new ExistingKey(Posting, Created, null), other, Now));
        Assert.Equal(IdempotencyVerdict.Mismatch, IdempotencyRules.Decide(new ExistingKey(Posting, null, Now), other, Now));
    }

    [Fact]
    public void An_unfinished_request_is_in_flight_until_its_claim_is_older_than_the_abandon_time()
    {
        var abandonedBefore = Now - TimeSpan.FromMinutes(2);

        Assert.Equal(IdempotencyVerdict.InFlight, IdempotencyRules.Decide(new ExistingKey(Posting, null, Now - TimeSpan.FromSeconds(5)), Posting, abandonedBefore));
        Assert.Equal(IdempotencyVerdict.TakeOver, IdempotencyRules.Decide(new ExistingKey(Posting, null, Now - TimeSpan.FromMinutes(3)), Posting, abandonedBefore));
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, true)]
    [InlineData(400, true)]
    [InlineData(409, true)]
    [InlineData(500, false)]
    [InlineData(503, false)]
    public void Server_errors_are_not_kept_so_a_retry_runs_again(int status, bool kept) =>
        Assert.Equal(kept, IdempotencyRules.IsKept(status));

    [Theory]
    [InlineData("\"3\"", true, 3)]
    [InlineData("W/\"3\"", true, 3)]
    [InlineData("3", true, 3)]
    [InlineData("\"abc\"", false, 0)]
    [InlineData("\"-1\"", false, 0)]
    [InlineData(null, false, 0)]
    public void An_etag_reads_as_the_version_it_names(string? etag, bool valid, long version)
    {
        Assert.Equal(valid, Preconditions.TryReadVersion(etag, out var read));
        Assert.Equal(version, read);
    }

    private static ClaimsPrincipal User(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test", ClaimNames.Subject, ClaimNames.Role));
}
