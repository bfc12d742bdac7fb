using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EcosystemMarket.ServiceDefaults.Authentication;

/// <summary>
/// Calls made on a user's behalf carry that user's token, so the called service checks the same caller
/// rather than trusting the network.
/// </summary>
public sealed class ForwardAuthorizationHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.Request.Headers[HeaderNames.Authorization].ToString() is { Length: > 0 } authorization)
        {
            request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, authorization);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
