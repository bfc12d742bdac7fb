using System.Globalization;
using System.Text.Json;
using EcosystemMarket.Portal.Gateway;

namespace EcosystemMarket.Portal.Audit;

/// <summary>
/// The audit log as one list: each service keeps the entries of its own changes, and this merges them newest first.
/// An entry's id is a UUIDv7, ordered by time in every service, so the last shown id is the one cursor every service
/// continues from; a service that cannot answer leaves a note and the others' entries still show.
/// </summary>
public sealed class AuditLogApi(GatewayClient gateway)
{
    public const int PageSize = 50;

    /// <summary>Where each service serves its log, and what the portal calls it.</summary>
    public static readonly IReadOnlyList<(string Path, string Area)> Sources =
    [
        ("api/partners/audit", "Profiles, claims, blueprints and webhooks"),
        ("api/opportunities/audit", "Opportunities, invitations, registrations and alliances"),
        ("api/rewards/audit", "Rewards, fees and payouts"),
    ];

    public async Task<MergedAuditPage> PageAsync(string? cursor, CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(Sources.Select(source => gateway.GetAsync<AuditPageJson>(
            GatewayClient.With(source.Path, ("limit", PageSize.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor)), cancellationToken)));
        var entries = answers.SelectMany(a => a.Value?.Items ?? [])
            .OrderByDescending(e => e.Id.ToString("D"), StringComparer.Ordinal).ToList();
        var shown = entries.Take(PageSize).ToList();
        var more = entries.Count > PageSize || answers.Any(a => a.Value?.NextCursor is not null);
        var unavailable = Sources.Zip(answers).Where(pair => pair.Second.Problem is not null)
            .Select(pair => $"{pair.First.Area}: {pair.Second.Problem}").ToList();
        return new MergedAuditPage(shown, more && shown.Count > 0 ? shown[^1].Id.ToString("D") : null, unavailable);
    }
}

public sealed record MergedAuditPage(IReadOnlyList<AuditEntryJson> Items, string? NextCursor, IReadOnlyList<string> Unavailable);

public sealed record AuditPageJson(IReadOnlyList<AuditEntryJson> Items, string? NextCursor);

public sealed record AuditEntryJson(Guid Id, DateTimeOffset At, string Actor, string ActorRole, string? ActingFor, string Action, string SubjectType,
    string SubjectId, IReadOnlyList<Guid> Parties, string? VendorId, string? Request, string? TraceId, string? IdempotencyKey, JsonElement? Details)
{
    /// <summary>The action in words: <c>invitation.sent</c> → "Invitation sent".</summary>
    public string What
    {
        get
        {
            var words = Action.Replace('.', ' ').Replace('-', ' ');
            return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
        }
    }
}
