namespace EcosystemMarket.Gateway;

/// <summary>Every request leaves the gateway with an X-Correlation-Id, kept if the caller sent one, echoed in the response.</summary>
public static class CorrelationId
{
    public const string Header = "X-Correlation-Id";

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var id = context.Request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(id) || id.Length > 128)
        {
            id = context.TraceIdentifier;
            context.Request.Headers[Header] = id;
        }
        context.Response.Headers[Header] = id;
        await next(context);
    });
}
