using System.Globalization;
using System.Text.Json;
using Dapper;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Data;
using EcosystemMarket.ServiceDefaults.Paging;

namespace EcosystemMarket.Brokering.Infrastructure;

/// <summary>Opportunities and their invitations: one aggregate, read and changed inside one unit of work.</summary>
public sealed class OpportunityRepository(Database database)
{
    public Task<UnitOfWork> BeginAsync(CancellationToken cancellationToken) => database.BeginAsync(cancellationToken);

    public async Task<Opportunity?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<OpportunityRow>(new CommandDefinition(
            database.Sql(OpportunitySql.SelectOpportunity), new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToModel();
    }

    public async Task<IReadOnlyList<Opportunity>> GetManyAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var opportunities = new List<Opportunity>();
        if (ids.Count == 0)
        {
            return opportunities;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(SqlText.MaxListItems))
        {
            // Ids as text: Dapper expands a list without the Guid type handler, which would bind blobs for SQLite.
            var rows = await connection.QueryAsync<OpportunityRow>(new CommandDefinition(database.Sql(OpportunitySql.SelectOpportunities),
                new { Ids = chunk.Select(id => id.ToString("D")).ToList() }, cancellationToken: cancellationToken));
            opportunities.AddRange(rows.Select(r => r.ToModel()));
        }
        return opportunities;
    }

    public async Task<Opportunity?> GetAsync(UnitOfWork unit, Guid id, CancellationToken cancellationToken)
    {
        var row = await unit.Connection.QuerySingleOrDefaultAsync<OpportunityRow>(new CommandDefinition(
            unit.Sql(OpportunitySql.SelectOpportunity), new { Id = id }, unit.Transaction, cancellationToken: cancellationToken));
        return row?.ToModel();
    }

    public async Task<IReadOnlyList<Opportunity>> PageOwnedAsync(Guid owner, PageCursor? after, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OpportunityRow>(new CommandDefinition(database.Sql(OpportunitySql.PageOwned),
            new { Owner = owner, AfterKey = KeyOf(after), AfterId = after?.Id ?? Guid.Empty, Take = take }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToModel()).ToList();
    }

    public async Task InsertAsync(UnitOfWork unit, Opportunity opportunity, CancellationToken cancellationToken)
    {
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(OpportunitySql.InsertOpportunity),
            OpportunityRow.From(opportunity), unit.Transaction, cancellationToken: cancellationToken));
        unit.Audit(opportunity.Status == OpportunityStatus.Draft ? "opportunity.drafted" : "opportunity.posted", "opportunity", opportunity.Id,
            [opportunity.OwnerPartnerId], opportunity.VendorId,
            new { opportunity.Industry, opportunity.Region, opportunity.EstimatedValue, opportunity.Currency, opportunity.BlueprintId });
    }

    /// <summary>The opportunity with its invitations, read inside the unit that will save it; null when there is none.</summary>
    public async Task<OpportunityAggregate?> LoadAsync(UnitOfWork unit, Guid id, CancellationToken cancellationToken) =>
        await GetAsync(unit, id, cancellationToken) is { } opportunity
            ? new OpportunityAggregate(opportunity, await InvitationsOfAsync(unit, id, cancellationToken))
            : null;

    /// <summary>The aggregate an invitation belongs to; null when there is no such invitation.</summary>
    public async Task<OpportunityAggregate?> LoadByInvitationAsync(UnitOfWork unit, Guid invitationId, CancellationToken cancellationToken) =>
        await GetInvitationAsync(unit, invitationId, cancellationToken) is { } invitation
            ? await LoadAsync(unit, invitation.OpportunityId, cancellationToken)
            : null;

    /// <summary>
    /// Saves what the aggregate changed, only from the version it read: the opportunity's row moves to the next version,
    /// each answered invitation changes only from the status it was read in, new invitations are inserted. A row count
    /// of 0 means another request saved first: <see cref="ConcurrencyConflictException"/>, and the unit is not committed.
    /// </summary>
    public async Task SaveAsync(UnitOfWork unit, OpportunityAggregate aggregate, CancellationToken cancellationToken)
    {
        var o = aggregate.Opportunity;
        var saved = await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(OpportunitySql.UpdateOpportunityFromVersion),
            new { o.Id, Status = o.Status.ToString(), o.FinalValue, o.UpdatedAt, o.PostedAt, Version = aggregate.LoadedVersion },
            unit.Transaction, cancellationToken: cancellationToken));
        if (saved == 0)
        {
            throw new ConcurrencyConflictException($"Opportunity {o.Id} was changed by another request since version {aggregate.LoadedVersion} was read.");
        }
        foreach (var (invitation, statusAsRead) in aggregate.Answered)
        {
            var answered = await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(OpportunitySql.UpdateInvitationFromStatus),
                new { invitation.Id, Status = invitation.Status.ToString(), invitation.DeclineReason, invitation.RespondedAt, StatusAsRead = statusAsRead.ToString() },
                unit.Transaction, cancellationToken: cancellationToken));
            if (answered == 0)
            {
                throw new ConcurrencyConflictException($"Invitation {invitation.Id} is no longer {statusAsRead}: another request answered it.");
            }
        }
        foreach (var offered in aggregate.Offered)
        {
            await InsertInvitationAsync(unit, offered, cancellationToken);
        }
        Audit(unit, aggregate);
    }

    /// <summary>What the aggregate changed, in the audit log: its status, and each invitation made or answered.</summary>
    private static void Audit(UnitOfWork unit, OpportunityAggregate aggregate)
    {
        var o = aggregate.Opportunity;
        if (o.Status != aggregate.LoadedStatus)
        {
            unit.Audit($"opportunity.{o.Status.ToString().ToLowerInvariant()}", "opportunity", o.Id, [o.OwnerPartnerId], o.VendorId,
                new { From = aggregate.LoadedStatus, To = o.Status, o.FinalValue });
        }
        foreach (var (invitation, statusAsRead) in aggregate.Answered)
        {
            unit.Audit($"invitation.{invitation.Status.ToString().ToLowerInvariant()}", "invitation", invitation.Id, [o.OwnerPartnerId, invitation.InviteePartnerId],
                o.VendorId, new { OpportunityId = o.Id, From = statusAsRead, To = invitation.Status, invitation.DeclineReason });
        }
        foreach (var offered in aggregate.Offered)
        {
            unit.Audit("invitation.sent", "invitation", offered.Id, [o.OwnerPartnerId, offered.InviteePartnerId], o.VendorId,
                new { OpportunityId = o.Id, offered.Role, offered.Reward, offered.AcceptBy, offered.SlaDueAt });
        }
    }

    public async Task<IReadOnlyList<Invitation>> InvitationsOfAsync(Guid opportunityId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<InvitationRow>(new CommandDefinition(database.Sql(OpportunitySql.SelectInvitationsOf),
            new { OpportunityId = opportunityId }, cancellationToken: cancellationToken))).Select(r => r.ToModel()).ToList();
    }

    /// <summary>The invitations of several opportunities, asked in chunks a statement can take.</summary>
    public async Task<ILookup<Guid, Invitation>> InvitationsOfManyAsync(IReadOnlyList<Guid> opportunityIds, CancellationToken cancellationToken)
    {
        var invitations = new List<Invitation>();
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var chunk in opportunityIds.Chunk(SqlText.MaxListItems))
        {
            invitations.AddRange((await connection.QueryAsync<InvitationRow>(new CommandDefinition(database.Sql(OpportunitySql.SelectInvitationsOfMany),
                new { Ids = chunk.Select(id => id.ToString("D")).ToList() }, cancellationToken: cancellationToken))).Select(r => r.ToModel()));
        }
        return invitations.ToLookup(i => i.OpportunityId);
    }

    public async Task<IReadOnlyList<Invitation>> InvitationsOfAsync(UnitOfWork unit, Guid opportunityId, CancellationToken cancellationToken) =>
        (await unit.Connection.QueryAsync<InvitationRow>(new CommandDefinition(unit.Sql(OpportunitySql.SelectInvitationsOf),
            new { OpportunityId = opportunityId }, unit.Transaction, cancellationToken: cancellationToken))).Select(r => r.ToModel()).ToList();

    public async Task<Invitation?> GetInvitationAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(
            database.Sql(OpportunitySql.SelectInvitation), new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToModel();
    }

    public async Task<Invitation?> GetInvitationAsync(UnitOfWork unit, Guid id, CancellationToken cancellationToken)
    {
        var row = await unit.Connection.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(
            unit.Sql(OpportunitySql.SelectInvitation), new { Id = id }, unit.Transaction, cancellationToken: cancellationToken));
        return row?.ToModel();
    }

    /// <summary>Pending invitations whose accept-by time has passed, oldest deadline first.</summary>
    public async Task<IReadOnlyList<Invitation>> OverdueAsync(DateTimeOffset now, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<InvitationRow>(new CommandDefinition(database.Sql(OpportunitySql.SelectOverdue),
            new { Now = now, Take = take }, cancellationToken: cancellationToken))).Select(r => r.ToModel()).ToList();
    }

    public async Task<IReadOnlyList<Invitation>> PageReceivedAsync(Guid invitee, PageCursor? after, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<InvitationRow>(new CommandDefinition(database.Sql(OpportunitySql.PageReceived),
            new { Invitee = invitee, AfterKey = KeyOf(after), AfterId = after?.Id ?? Guid.Empty, Take = take }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToModel()).ToList();
    }

    /// <summary>The vendor program's opportunities its one-on-one partners own or were invited to, newest first.</summary>
    public async Task<IReadOnlyList<Opportunity>> PageOneOnOneAsync(string vendorId, PageCursor? after, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OpportunityRow>(new CommandDefinition(database.Sql(OpportunitySql.PageOneOnOne),
            new { VendorId = vendorId, AfterKey = KeyOf(after), AfterId = after?.Id ?? Guid.Empty, Take = take }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToModel()).ToList();
    }

    private async Task InsertInvitationAsync(UnitOfWork unit, Invitation invitation, CancellationToken cancellationToken) =>
        await unit.Connection.ExecuteAsync(new CommandDefinition(unit.Sql(OpportunitySql.InsertInvitation),
            InvitationRow.From(invitation), unit.Transaction, cancellationToken: cancellationToken));

    /// <summary>Lists are ordered by creation time; the cursor's key is that time.</summary>
    public static PageCursor CursorOf(DateTimeOffset createdAt, Guid id) => new(createdAt.ToString("O", CultureInfo.InvariantCulture), id);

    internal static DateTimeOffset? KeyOf(PageCursor? cursor) =>
        cursor is not null && DateTimeOffset.TryParse(cursor.Key, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var key) ? key : null;

    private sealed record OpportunityRow(Guid Id, Guid OwnerPartnerId, string? VendorId, string CustomerName, string? CustomerContact, string Industry,
        string Region, string Size, string Needs, decimal EstimatedValue, string Currency, string? CloseDate, string Status,
        decimal? FinalValue, bool AutoInviteNextBest, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PostedAt, long Version,
        Guid? BlueprintId, string? OwnerManagementMode)
    {
        public static OpportunityRow From(Opportunity o) => new(o.Id, o.OwnerPartnerId, o.VendorId, o.Customer.Name, o.Customer.Contact, o.Industry,
            o.Region, o.Size, JsonSerializer.Serialize(o.Needs), o.EstimatedValue, o.Currency,
            o.CloseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), o.Status.ToString(), o.FinalValue, o.AutoInviteNextBest, o.CreatedAt, o.UpdatedAt, o.PostedAt, o.Version,
            o.BlueprintId, o.OwnerManagementMode);

        public Opportunity ToModel() => new()
        {
            Id = Id,
            OwnerPartnerId = OwnerPartnerId,
            VendorId = VendorId,
            Customer = new Customer(CustomerName, CustomerContact),
            Industry = Industry,
            Region = Region,
            Size = Size,
            Needs = JsonSerializer.Deserialize<List<CapabilityNeed>>(Needs)!,
            EstimatedValue = EstimatedValue,
            Currency = Currency,
            CloseDate = CloseDate is null ? null : DateOnly.Parse(CloseDate[..10], CultureInfo.InvariantCulture),
            Status = Enum.Parse<OpportunityStatus>(Status),
            FinalValue = FinalValue,
            AutoInviteNextBest = AutoInviteNextBest,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
            PostedAt = PostedAt,
            Version = Version,
            BlueprintId = BlueprintId,
            OwnerManagementMode = OwnerManagementMode,
        };
    }

    private sealed record InvitationRow(Guid Id, Guid OpportunityId, Guid OwnerPartnerId, Guid InviteePartnerId, string Role,
        string RewardKind, decimal? RewardPercent, decimal? RewardAmount, DateTimeOffset AcceptBy, string Status, string? DeclineReason,
        DateTimeOffset CreatedAt, DateTimeOffset? RespondedAt, DateTimeOffset? SlaDueAt, string? InviteeManagementMode)
    {
        public static InvitationRow From(Invitation i) => new(i.Id, i.OpportunityId, i.OwnerPartnerId, i.InviteePartnerId, i.Role,
            i.Reward.Kind, i.Reward.Percent, i.Reward.Amount, i.AcceptBy, i.Status.ToString(), i.DeclineReason, i.CreatedAt, i.RespondedAt, i.SlaDueAt,
            i.ManagementMode);

        public Invitation ToModel() => new()
        {
            Id = Id,
            OpportunityId = OpportunityId,
            OwnerPartnerId = OwnerPartnerId,
            InviteePartnerId = InviteePartnerId,
            Role = Role,
            Reward = new RewardTerms { Kind = RewardKind, Percent = RewardPercent, Amount = RewardAmount },
            AcceptBy = AcceptBy,
            Status = Enum.Parse<InvitationStatus>(Status),
            DeclineReason = DeclineReason,
            CreatedAt = CreatedAt,
            RespondedAt = RespondedAt,
            SlaDueAt = SlaDueAt,
            ManagementMode = InviteeManagementMode,
        };
    }
}
