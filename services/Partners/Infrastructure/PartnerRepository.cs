using System.Globalization;
using System.Text.Json;
using Dapper;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Data;
using EcosystemMarket.Partners.Model;
using EcosystemMarket.ServiceDefaults.Paging;

namespace EcosystemMarket.Partners.Infrastructure;

/// <summary>
/// Partners as one row each, their profile lists in a JSON document, and the side tables search filters on
/// (capabilities, regions, certifications), rewritten in the same transaction as the row and its event.
/// </summary>
public sealed class PartnerRepository(Database database, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Partner?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PartnerRow>(
            new CommandDefinition(database.Sql(PartnerSql.SelectById), new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToPartner();
    }

    public async Task<IReadOnlyList<Partner>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        // Dapper expands a list without the Guid type handler, which would bind blobs for SQLite; ids as text are
        // what SQLite stores, and SQL Server converts them to uniqueidentifier.
        var rows = await connection.QueryAsync<PartnerRow>(new CommandDefinition(database.Sql(PartnerSql.SelectByIds),
            new { Ids = ids.Select(id => id.ToString("D")).ToList() }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToPartner()).ToList();
    }

    /// <summary>Every partner, active or not, ordered by id: the page after <paramref name="afterId"/>.</summary>
    public async Task<IReadOnlyList<Partner>> PageByIdAsync(Guid? afterId, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PartnerRow>(new CommandDefinition(database.Sql(PartnerSql.PageById),
            new { AfterId = afterId, Take = take }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToPartner()).ToList();
    }

    /// <summary>Partners matching every filter of the query, ordered by name then id, after the cursor.</summary>
    public async Task<IReadOnlyList<Partner>> SearchAsync(PartnerQuery query, DateOnly today, PageCursor? after, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PartnerRow>(new CommandDefinition(database.Sql(PartnerSql.Search), new
        {
            query.IncludeInactive,
            query.PartnerFunction,
            query.Category,
            query.Tier,
            NamePattern = query.NameContains is { } text ? $"%{EscapeLike(text.ToLowerInvariant())}%" : null,
            query.Region,
            query.Capability,
            query.IncludeDescendants,
            // Codes hold no LIKE wildcards (CodeFormats.IsCapability), so the code is its own literal prefix.
            DescendantPattern = query.Capability is { } code ? $"{code}.%" : null,
            query.CertificationVendor,
            Today = DateText(today),
            AfterName = after?.Key,
            AfterId = after?.Id ?? Guid.Empty,
            Take = take,
        }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToPartner()).ToList();
    }

    /// <returns>The new partner, or null when this organisation is already registered.</returns>
    public async Task<Partner?> RegisterAsync(Guid id, PartnerProfile profile, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        if (await SelectForUpdateAsync(unit, id, cancellationToken) is not null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var partner = Partner.Register(id, profile, now);
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(PartnerSql.Insert), PartnerRow.From(partner), unit.Transaction, cancellationToken: cancellationToken));
        await WriteSearchIndexAsync(unit, partner, cancellationToken);
        await WriteClaimsAsync(unit, partner, cancellationToken);
        await unit.PublishAsync(new PartnerRegistered { Partner = partner.ToSnapshot(), OccurredAt = now }, cancellationToken);
        unit.Audit("partner.registered", "partner", id, [id], details: new { partner.Name, partner.Version });
        await unit.CommitAsync(cancellationToken);
        return partner;
    }

    public Task<(ChangeOutcome Outcome, Partner? Partner)> UpdateAsync(Guid id, PartnerProfile profile, long? expectedVersion, CancellationToken cancellationToken) =>
        ChangeAsync(id, expectedVersion, "partner.profile-updated", (partner, now) => partner.Revise(profile, now),
            (partner, now) => new PartnerProfileUpdated { Partner = partner.ToSnapshot(), OccurredAt = now }, rewriteSearchIndex: true, cancellationToken);

    public Task<(ChangeOutcome Outcome, Partner? Partner)> DeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, expectedVersion: null, "partner.deactivated", (partner, now) => partner.Deactivate(now),
            (partner, now) => new PartnerDeactivated { Partner = partner.ToSnapshot(), OccurredAt = now }, rewriteSearchIndex: false, cancellationToken);

    /// <returns>The changed partner, or the current one when the change was refused.</returns>
    private async Task<(ChangeOutcome Outcome, Partner? Partner)> ChangeAsync<TEvent>(Guid id, long? expectedVersion, string action,
        Func<Partner, DateTimeOffset, Partner> change, Func<Partner, DateTimeOffset, TEvent> announce, bool rewriteSearchIndex,
        CancellationToken cancellationToken) where TEvent : class
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        var current = await SelectForUpdateAsync(unit, id, cancellationToken);
        if (current is null)
        {
            return (ChangeOutcome.NotFound, null);
        }
        if (!current.Active)
        {
            return (ChangeOutcome.Inactive, current);
        }
        if (expectedVersion is { } expected && expected != current.Version)
        {
            return (ChangeOutcome.Stale, current);
        }

        var now = clock.GetUtcNow();
        var changed = change(current, now);
        if (!await UpdateRowAsync(unit, changed, current.Version, cancellationToken))
        {
            return (ChangeOutcome.Stale, current);
        }
        if (rewriteSearchIndex)
        {
            await WriteSearchIndexAsync(unit, changed, cancellationToken);
            await WriteClaimsAsync(unit, changed, cancellationToken);
        }
        await unit.PublishAsync(announce(changed, now), cancellationToken);
        unit.Audit(action, "partner", id, [id], details: new { From = current.Version, To = changed.Version });
        await unit.CommitAsync(cancellationToken);
        return (ChangeOutcome.Changed, changed);
    }

    /// <summary>
    /// A vendor's decision on a claim (<see cref="Partner.Decide"/>), saved with its history line and a new snapshot for
    /// the partner's readers. Null when the partner does not exist; <see cref="ClaimDecisionOutcome.LostRace"/> when
    /// another change of the partner committed first.
    /// </summary>
    public async Task<ClaimDecisionResult?> DecideClaimAsync(Guid partnerId, Guid claimId, string vendorId, bool attest, string? reason, string decidedBy,
        CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        var current = await SelectForUpdateAsync(unit, partnerId, cancellationToken);
        if (current is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var result = current.Decide(claimId, vendorId, attest, reason, decidedBy, now);
        if (result is not { Outcome: ClaimDecisionOutcome.Decided, Entry: { } entry })
        {
            return result;
        }
        if (!await UpdateRowAsync(unit, result.Partner, current.Version, cancellationToken))
        {
            return result with { Outcome = ClaimDecisionOutcome.LostRace, Partner = current };
        }
        await WriteClaimsAsync(unit, result.Partner, cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(ClaimSql.InsertDecision), entry, unit.Transaction, cancellationToken: cancellationToken));
        await unit.PublishAsync(new PartnerProfileUpdated { Partner = result.Partner.ToSnapshot(), OccurredAt = now }, cancellationToken);
        unit.Audit(attest ? "claim.attested" : "claim.rejected", "claim", claimId, [partnerId], vendorId, new { PartnerId = partnerId, reason, decidedBy });
        await unit.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Every decision on one claim of a partner, oldest first.</summary>
    public async Task<IReadOnlyList<ClaimHistoryEntry>> ClaimHistoryAsync(Guid partnerId, Guid claimId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ClaimHistoryEntry>(new CommandDefinition(database.Sql(ClaimSql.SelectDecisions),
            new { PartnerId = partnerId, ClaimId = claimId }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>The claims addressed to <paramref name="vendor"/> in <paramref name="state"/>, by claim id, after <paramref name="afterId"/>.</summary>
    public async Task<IReadOnlyList<VendorClaim>> ClaimsForVendorAsync(string vendor, string state, Guid? afterId, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VendorClaimRow>(new CommandDefinition(database.Sql(ClaimSql.SelectForVendor),
            new { Vendor = vendor, State = state, AfterId = afterId, Take = take }, cancellationToken: cancellationToken));
        return rows.Select(r => new VendorClaim(r.PartnerId, r.PartnerName, JsonSerializer.Deserialize<PartnerClaim>(r.Claim, Json)!)).ToList();
    }

    /// <summary>
    /// Stores the claims of profiles saved before claims existed and lists them in their vendors' queues, a partner per
    /// transaction; a partner changed meanwhile has had its claims written by that change.
    /// </summary>
    /// <returns>How many partners' claims were stored.</returns>
    public async Task<int> StoreClaimsOfOlderProfilesAsync(int batch, CancellationToken cancellationToken)
    {
        var stored = 0;
        while (true)
        {
            List<Guid> ids;
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                ids = (await connection.QueryAsync<Guid>(new CommandDefinition(database.Sql(ClaimSql.SelectPartnersWithoutClaims), new { Take = batch },
                    cancellationToken: cancellationToken))).ToList();
            }
            if (ids.Count == 0)
            {
                return stored;
            }
            foreach (var id in ids)
            {
                await using var unit = await database.BeginAsync(cancellationToken);
                if (await SelectForUpdateAsync(unit, id, cancellationToken) is not { } partner)
                {
                    continue;
                }
                var row = PartnerRow.From(partner);
                await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(ClaimSql.UpdateProfile), new { row.Id, row.Profile, row.Version },
                    unit.Transaction, cancellationToken: cancellationToken));
                await WriteClaimsAsync(unit, partner, cancellationToken);
                await unit.CommitAsync(cancellationToken);
                stored++;
            }
        }
    }

    private static async Task<bool> UpdateRowAsync(UnitOfWork unit, Partner changed, long expectedVersion, CancellationToken cancellationToken)
    {
        var row = PartnerRow.From(changed);
        var updated = await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(PartnerSql.Update),
            new { row.Id, row.Name, row.NameLower, row.PartnerFunction, row.Category, row.Tier, row.ManagementMode, row.Profile, row.Active, row.Version, row.UpdatedAt, ExpectedVersion = expectedVersion },
            unit.Transaction, cancellationToken: cancellationToken));
        return updated == 1;
    }

    private static async Task WriteClaimsAsync(UnitOfWork unit, Partner partner, CancellationToken cancellationToken)
    {
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(ClaimSql.DeleteClaims), new { partner.Id }, unit.Transaction, cancellationToken: cancellationToken));
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(ClaimSql.InsertClaim),
            partner.Claims.Select(c => new { PartnerId = partner.Id, ClaimId = c.Id, c.Vendor, c.State, Claim = JsonSerializer.Serialize(c, Json) }),
            unit.Transaction, cancellationToken: cancellationToken));
    }

    private static async Task<Partner?> SelectForUpdateAsync(UnitOfWork unit, Guid id, CancellationToken cancellationToken) =>
        (await unit.Connection.QuerySingleOrDefaultAsync<PartnerRow>(new CommandDefinition(
            unit.Sql(PartnerSql.SelectByIdForUpdate), new { Id = id }, unit.Transaction, cancellationToken: cancellationToken)))?.ToPartner();

    private static async Task WriteSearchIndexAsync(UnitOfWork unit, Partner partner, CancellationToken cancellationToken)
    {
        foreach (var delete in new[] { PartnerSql.DeleteCapabilities, PartnerSql.DeleteRegions, PartnerSql.DeleteCertifications })
        {
            await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(delete), new { partner.Id }, unit.Transaction, cancellationToken: cancellationToken));
        }
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(PartnerSql.InsertCapability),
            partner.Capabilities.Select(c => new { PartnerId = partner.Id, c.Code }), unit.Transaction, cancellationToken: cancellationToken));
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(PartnerSql.InsertRegion),
            partner.Regions.Select(region => new { PartnerId = partner.Id, Region = region }), unit.Transaction, cancellationToken: cancellationToken));
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(PartnerSql.InsertCertification),
            partner.Certifications.Select((c, position) => new
            {
                PartnerId = partner.Id,
                Position = position,
                c.Vendor,
                IssuedOn = DateText(c.IssuedOn),
                ExpiresOn = c.ExpiresOn is { } expiresOn ? DateText(expiresOn) : null,
            }), unit.Transaction, cancellationToken: cancellationToken));
        await BlueprintStore.WriteAdoptionsAsync(unit, partner, cancellationToken);
    }

    // ISO dates: SQLite compares them as text in date order; SQL Server converts them to DATE unambiguously.
    private static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal)
            .Replace("[", @"\[", StringComparison.Ordinal);

    private sealed record PartnerRow(Guid Id, string Name, string PartnerFunction, string Category, string Tier, string? ManagementMode,
        string Profile, bool Active, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
    {
        public string NameLower => Name.ToLowerInvariant();

        public static PartnerRow From(Partner p) => new(p.Id, p.Name, p.PartnerFunction, p.Category, p.Tier, p.ManagementMode,
            JsonSerializer.Serialize(ProfileDocument.Of(p), Json), p.Active, p.Version, p.CreatedAt, p.UpdatedAt);

        public Partner ToPartner()
        {
            var profile = JsonSerializer.Deserialize<ProfileDocument>(Profile, Json)!;
            var partner = new Partner
            {
                Id = Id,
                Name = Name,
                PartnerFunction = PartnerFunction,
                Category = Category,
                Tier = Tier,
                ManagementMode = ManagementMode,
                Regions = profile.Regions,
                Verticals = profile.Verticals,
                Capabilities = profile.Capabilities,
                Certifications = profile.Certifications,
                Specializations = profile.Specializations,
                Solutions = profile.Solutions,
                ProgramMemberships = profile.ProgramMemberships,
                ProgramTiers = profile.ProgramTiers,
                Active = Active,
                Version = Version,
                CreatedAt = CreatedAt,
                UpdatedAt = UpdatedAt,
            };
            // Profiles stored before claims existed claim everything anew, pending.
            return profile.Claims is { } claims ? partner with { Claims = claims } : partner.WithClaimsDerived([], CreatedAt);
        }
    }

    /// <summary>The list-valued part of a profile, stored whole as JSON; absent lists (rows migrated from version 1) read as empty.</summary>
    private sealed record ProfileDocument
    {
        public IReadOnlyList<string> Regions { get; init; } = [];
        public IReadOnlyList<string> Verticals { get; init; } = [];
        public IReadOnlyList<AdvertisedCapability> Capabilities { get; init; } = [];
        public IReadOnlyList<CertificationSnapshot> Certifications { get; init; } = [];
        public IReadOnlyList<string> Specializations { get; init; } = [];
        public IReadOnlyList<SolutionSnapshot> Solutions { get; init; } = [];
        public IReadOnlyList<string> ProgramMemberships { get; init; } = [];
        public IReadOnlyDictionary<string, string> ProgramTiers { get; init; } = new Dictionary<string, string>();
        public IReadOnlyList<PartnerClaim>? Claims { get; init; }

        public static ProfileDocument Of(Partner p) => new()
        {
            Regions = p.Regions,
            Verticals = p.Verticals,
            Capabilities = p.Capabilities,
            Certifications = p.Certifications,
            Specializations = p.Specializations,
            Solutions = p.Solutions,
            ProgramMemberships = p.ProgramMemberships,
            ProgramTiers = p.ProgramTiers,
            Claims = p.Claims,
        };
    }

    private sealed record VendorClaimRow(Guid PartnerId, string PartnerName, Guid ClaimId, string Claim);
}

/// <summary>A claim in a vendor's queue, with the partner that makes it.</summary>
public sealed record VendorClaim(Guid PartnerId, string PartnerName, PartnerClaim Claim);

public enum ChangeOutcome
{
    Changed,
    NotFound,
    Stale,
    Inactive,
}
