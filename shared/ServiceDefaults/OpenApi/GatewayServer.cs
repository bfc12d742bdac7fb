using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace EcosystemMarket.ServiceDefaults.OpenApi;

/// <summary>
/// The document's one server is the gateway, the only address callers reach: <c>Gateway:PublicUrl</c> when configured,
/// else the scheme and host the gateway was asked on (its X-Forwarded-Proto and X-Forwarded-Host, which YARP sets and
/// overwrites), else "/" (relative to where the document was read). Never the service's own, internal, address.
/// </summary>
internal sealed class GatewayServer(IConfiguration configuration) : IOpenApiDocumentTransformer
{
    public const string PublicUrlKey = "Gateway:PublicUrl";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = [new OpenApiServer { Url = PublicUrl(context.ApplicationServices.GetService<IHttpContextAccessor>()?.HttpContext), Description = "The gateway" }];
        return Task.CompletedTask;
    }

    private string PublicUrl(HttpContext? request)
    {
        if (configuration[PublicUrlKey] is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }
        var host = request?.Request.Headers["X-Forwarded-Host"].ToString();
        if (string.IsNullOrEmpty(host) || !HostString.FromUriComponent(host).HasValue || host.Contains('/'))
        {
            return "/";
        }
        var scheme = request!.Request.Headers["X-Forwarded-Proto"].ToString() is "https" ? "https" : "http";
        return $"{scheme}://{host}";
    }
}
