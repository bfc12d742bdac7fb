using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.TestHost;

namespace EcosystemMarket.ServiceTests;

/// <summary>A plain gRPC client's channel to a service in the test's process, as any caller on the network would open it.</summary>
public static class GrpcChannels
{
    /// <param name="token">Sent as a bearer token on every call; null calls anonymously.</param>
    public static GrpcChannel To(TestServer server, string? token) => GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions
    {
        HttpHandler = server.CreateHandler(),
        Credentials = token is null ? ChannelCredentials.Insecure : ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", $"Bearer {token}");
            return Task.CompletedTask;
        })),
        UnsafeUseInsecureChannelCallCredentials = true,
    });
}
