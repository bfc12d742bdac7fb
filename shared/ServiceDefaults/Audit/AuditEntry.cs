using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
namespace EcosystemMarket.ServiceDefaults.Audit;

/// <summary>
/// One change, as the audit log keeps it: who (<see cref="Actor"/>), acting for whom, did what to which record, when,
/// from which request (its trace id finds it in the traces). <see cref="Parties"/> are the partner organisations it
/// concerns and <see cref="VendorId"/> the program: who may read it besides an administrator.
/// </summary>
public sealed record AuditEntry(Guid Id, DateTimeOffset At, string Actor, string ActorRole, string? ActingFor, string Action, string SubjectType,
    string SubjectId, IReadOnlyList<Guid> Parties, string? VendorId, string? Request, string? TraceId, string? IdempotencyKey, JsonElement? Details)
{
    public const int MaxParties = 100;
    /// <summary>How details are kept: the API's names, enums by name.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A change made now by the current <see cref="AuditContext"/> actor, in the current trace; its details are written as JSON beside it.</summary>
    public static AuditEntry Now(string action, string subjectType, string subjectId, IEnumerable<Guid>? parties, string? vendorId)
    {
        var at = DateTimeOffset.UtcNow;
        var actor = AuditContext.Current;
        return new(AuditIds.Next(at), at, actor.Actor, actor.Role, actor.ActingFor, action, subjectType, subjectId,
            (parties ?? []).Distinct().Take(MaxParties).ToList(), vendorId, actor.Request,
            actor.Traced ? Activity.Current?.TraceId.ToHexString() : null, actor.IdempotencyKey, null);
    }
}

/// <summary>Who may read which entries: a partner those of its organisation, a vendor those of its program, an administrator all.</summary>
public sealed record AuditQuery(Guid? PartnerId, string? VendorId, string? SubjectId, Guid? Before, int Take);

/// <summary>A service's audit log, as its query endpoint reads it.</summary>
public interface IAuditLog
{
    /// <summary>Entries newest first, older than <see cref="AuditQuery.Before"/>: a partner's, a program's, or all.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query, CancellationToken cancellationToken);
}
