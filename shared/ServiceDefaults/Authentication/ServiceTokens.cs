using System.Collections.Concurrent;

namespace EcosystemMarket.ServiceDefaults.Authentication;

/// <summary>A token for calling one service, and when it stops being accepted.</summary>
public sealed record ServiceToken(string Value, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

/// <summary>Where a service's tokens come from: minted with the development key, or an authority's client credentials.</summary>
public interface IServiceTokenSource
{
    Task<ServiceToken> AcquireAsync(string audience, CancellationToken cancellationToken);
}

/// <summary>
/// This service's tokens for the services it calls, one per callee, reused until three quarters of its life have
/// passed and then renewed, so a call never leaves with a token about to expire (nor asks the authority per call).
/// Concurrent callers of the same callee wait for one renewal rather than each asking.
/// </summary>
public sealed class ServiceTokens(IServiceTokenSource source, JwtSettings settings, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ServiceToken> _tokens = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _renewals = new();

    /// <param name="callee">The called service's name, e.g. "partners".</param>
    public async Task<string> GetAsync(string callee, CancellationToken cancellationToken)
    {
        if (Fresh(callee) is { } token)
        {
            return token.Value;
        }
        var renewal = _renewals.GetOrAdd(callee, _ => new SemaphoreSlim(1, 1));
        await renewal.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(callee) is { } renewed)
            {
                return renewed.Value;
            }
            var acquired = await source.AcquireAsync(ServiceIdentity.AudienceOf(settings, callee), cancellationToken);
            _tokens[callee] = acquired;
            return acquired.Value;
        }
        finally
        {
            renewal.Release();
        }
    }

    private ServiceToken? Fresh(string callee) =>
        _tokens.TryGetValue(callee, out var token) && clock.GetUtcNow() < RenewAt(token) ? token : null;

    private static DateTimeOffset RenewAt(ServiceToken token) => token.IssuedAt + (token.ExpiresAt - token.IssuedAt) * 0.75;
}

/// <summary>Mints service tokens with <c>Jwt:SigningKey</c>, as the development tokens of users are.</summary>
public sealed class DevelopmentServiceTokenSource(string base64SigningKey, string issuer, string caller, TimeProvider clock) : IServiceTokenSource
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public Task<ServiceToken> AcquireAsync(string audience, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return Task.FromResult(new ServiceToken(DevelopmentTokens.CreateService(base64SigningKey, caller, audience, now, Lifetime, issuer), now, now + Lifetime));
    }
}
