namespace EcosystemMarket.ServiceDefaults.Idempotency;

/// <summary>Where idempotency keys are kept; unique per caller and key, so two replicas racing on one key cannot both claim it.</summary>
public interface IIdempotencyStore
{
    /// <returns>Null when this request claimed the key (it runs now); otherwise the key as it stands.</returns>
    Task<ExistingKey?> ClaimAsync(string caller, string key, RequestFingerprint request, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Claims a key whose holder stopped answering; false when another request did so first.</summary>
    Task<bool> TakeOverAsync(string caller, string key, DateTimeOffset lockedAt, DateTimeOffset now, CancellationToken cancellationToken);

    Task CompleteAsync(string caller, string key, StoredAnswer answer, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Forgets a claim whose request did not finish with a kept answer, so a retry runs it.</summary>
    Task ReleaseAsync(string caller, string key, CancellationToken cancellationToken);

    Task<int> PurgeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken);
}
