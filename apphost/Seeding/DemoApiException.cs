using System.Net;

namespace EcosystemMarket.AppHost.Seeding;

/// <summary>The gateway refused a demo call; the message carries the problem details it answered with.</summary>
public sealed class DemoApiException(HttpMethod method, string path, HttpStatusCode status, string problem)
    : Exception($"{method} {path} answered {(int)status} {status}: {problem}")
{
    public HttpStatusCode Status { get; } = status;
}
