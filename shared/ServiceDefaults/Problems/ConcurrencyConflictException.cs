namespace EcosystemMarket.ServiceDefaults.Problems;

/// <summary>
/// A save found what it read changed by another writer in the meantime (a version moved on, or a row it meant
/// to create was created): the caller lost a race. Requests answer 409 (see <see cref="ConcurrencyConflictExceptionHandler"/>);
/// background work reads again and retries where repeating is safe.
/// </summary>
public sealed class ConcurrencyConflictException(string detail) : Exception(detail);
