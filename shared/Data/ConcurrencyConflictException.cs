namespace EcosystemMarket.Data;

/// <summary>
/// A save found the row changed since it was read (its version moved on, or a status it relied on changed):
/// another request won the race. Requests answer 409 and the caller reloads; jobs whose work is safe to repeat
/// re-read and try again. Thrown instead of returned because a lost race is rare and must never be ignored.
/// </summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
