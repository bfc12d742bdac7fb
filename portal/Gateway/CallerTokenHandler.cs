using System.Net.Http.Headers;
using EcosystemMarket.Portal.Security;

namespace EcosystemMarket.Portal.Gateway;

/// <summary>Every call to the gateway carries the signed-in user's own token, so the services decide what that user may see.</summary>
public sealed class CallerTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.User.FindFirst(PortalSignIn.AccessTokenClaim)?.Value is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
