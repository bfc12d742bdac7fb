using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Matching.Infrastructure;
using EcosystemMarket.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.ServiceTests;

public sealed class MatchingFixture() : ServiceFixture<PartnerIndex>("matchingdb")
{
    public Matchmaker.MatchmakerClient Matchmaker(Guid caller) =>
        new(GrpcChannel.ForAddress(Host.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = Host.Server.CreateHandler(),
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("Authorization", $"Bearer {TestTokens.Partner(caller)}");
                return Task.CompletedTask;
            })),
            UnsafeUseInsecureChannelCallCredentials = true,
        }));
}

public sealed class Matching_service(MatchingFixture fixture) : IClassFixture<MatchingFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static PartnerRegistered Registered(Guid id, string name, bool active, params string[] capabilities) => new()
    {
        Partner = new PartnerSnapshot
        {
            PartnerId = id, Name = name, PartnerFunction = "solution", Category = "isv", Tier = "ready",
            Regions = ["US"], Active = active, Version = 1,
            Capabilities = capabilities.Select(c => new AdvertisedCapability { Code = c, Proficiency = "advanced" }).ToList(),
        },
        OccurredAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task Partners_events_feed_the_index_that_FindPartners_ranks_over_gRPC()
    {
        var (owner, storage, rival, inactive, both) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        await bus.Publish(Registered(owner, "Owner VAR", true, "software"), Cancel);
        await bus.Publish(Registered(storage, "Storage Specialist", true, "storage"), Cancel);
        await bus.Publish(Registered(rival, "Software Rival", true, "software"), Cancel);
        await bus.Publish(Registered(inactive, "Dormant Storage", false, "storage"), Cancel);
        await bus.Publish(Registered(both, "Full Stack", true, "software", "storage", "backup"), Cancel);

        var request = new FindPartnersRequest
        {
            OwnerPartnerId = owner.ToString(),
            Region = "US",
            Needs = { new Need { Capability = "software", MustHave = true }, new Need { Capability = "storage", MustHave = true }, new Need { Capability = "backup" } },
        };
        var reply = await Eventually.HoldsAsync(
            async () => await fixture.Matchmaker(owner).FindPartnersAsync(request, cancellationToken: Cancel),
            r => r.OwnerLacks.Count == 2 && r.Candidates.Count == 2); // every event indexed, the owner's included

        Assert.Equal([both.ToString(), storage.ToString()], reply.Candidates.Select(c => c.PartnerId).ToArray());
        Assert.Equal(["backup", "storage"], reply.OwnerLacks.Order().ToArray());
        Assert.Contains("covers storage (must-have)", reply.Candidates[1].Reasons);
    }

    [Fact]
    public async Task FindPartners_rejects_a_request_without_needs()
    {
        var owner = Guid.NewGuid();
        var failure = await Assert.ThrowsAsync<RpcException>(async () =>
            await fixture.Matchmaker(owner).FindPartnersAsync(new FindPartnersRequest { OwnerPartnerId = owner.ToString() }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
    }

    [Fact]
    public async Task FindPartners_needs_an_authenticated_caller()
    {
        var client = new Matchmaker.MatchmakerClient(GrpcChannel.ForAddress(fixture.Host.Server.BaseAddress,
            new GrpcChannelOptions { HttpHandler = fixture.Host.Server.CreateHandler() }));
        var failure = await Assert.ThrowsAsync<RpcException>(async () => await client.FindPartnersAsync(new FindPartnersRequest
        {
            OwnerPartnerId = Guid.NewGuid().ToString(),
            Needs = { new Need { Capability = "storage" } },
        }, cancellationToken: Cancel));
        Assert.Equal(StatusCode.Unauthenticated, failure.StatusCode);
    }
}
