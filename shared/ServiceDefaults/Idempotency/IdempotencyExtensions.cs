using EcosystemMarket.ServiceDefaults.Idempotency;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class IdempotencyExtensions
{
    /// <summary>Keeps idempotency keys in <typeparamref name="TStore"/>, purged after <c>Idempotency:Retention</c> (default 24 h).</summary>
    public static IServiceCollection AddIdempotencyKeys<TStore>(this IServiceCollection services, IConfiguration configuration)
        where TStore : class, IIdempotencyStore
    {
        services.Configure<IdempotencyOptions>(configuration.GetSection("Idempotency"));
        services.TryAddSingleton<IIdempotencyStore, TStore>();
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<IdempotencyKeyPurge>(sp, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }

    /// <summary>
    /// Every POST endpoint of the application honours <c>Idempotency-Key</c>. Call after <c>MapDefaultEndpoints</c>, so the
    /// key belongs to an authenticated caller; needs a store (<see cref="AddIdempotencyKeys{TStore}"/>, which AddDatabase calls).
    /// </summary>
    public static WebApplication UseIdempotencyKeys(this WebApplication app)
    {
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }
}
