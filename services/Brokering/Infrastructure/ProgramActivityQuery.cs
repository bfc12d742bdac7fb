using Dapper;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Contracts.Ecosystem;
using EcosystemMarket.Data;
using EcosystemMarket.ServiceDefaults;

namespace EcosystemMarket.Brokering.Infrastructure;

/// <summary>Reads a program's brokering activity over a period from the database and computes its figures.</summary>
public sealed class ProgramActivityQuery(Database database)
{
    public async Task<OpportunityFigures> ReadAsync(string? vendor, ReportingPeriod period, CancellationToken cancellationToken)
    {
        var parameters = new { Vendor = vendor, From = period.Start, To = period.End };
        await using var connection = await database.OpenAsync(cancellationToken);
        var opportunities = await connection.QueryAsync<OpportunityRow>(new CommandDefinition(
            database.Sql(ProgramActivitySql.SelectPostedOpportunities), parameters, cancellationToken: cancellationToken));
        var matched = (await connection.QueryAsync<Guid>(new CommandDefinition(
            database.Sql(ProgramActivitySql.SelectMatchedOfPosted), parameters, cancellationToken: cancellationToken))).ToHashSet();
        var invitations = await connection.QueryAsync<InvitationRow>(new CommandDefinition(
            database.Sql(ProgramActivitySql.SelectInvitationsOfPosted), parameters, cancellationToken: cancellationToken));
        var registrations = await connection.QuerySingleAsync<RegistrationRow>(new CommandDefinition(
            database.Sql(ProgramActivitySql.CountRegistrations), parameters, cancellationToken: cancellationToken));
        return ProgramActivity.Of(vendor, period,
            opportunities.Select(o => new PostedOpportunity(o.Id, Enum.Parse<OpportunityStatus>(o.Status), o.Currency, o.EstimatedValue, o.FinalValue, o.PostedAt,
                matched.Contains(o.Id), o.BlueprintId)).ToList(),
            invitations.Select(i => new InvitationOutcome(i.OpportunityId, Enum.Parse<InvitationStatus>(i.Status), i.CreatedAt, i.RespondedAt)).ToList(),
            new RegistrationCounts(registrations.Registered, registrations.Protected, registrations.Overlaps, registrations.Poaching));
    }

    private sealed record OpportunityRow(Guid Id, string Status, string Currency, decimal EstimatedValue, decimal? FinalValue, DateTimeOffset PostedAt, Guid? BlueprintId);

    private sealed record InvitationRow(Guid OpportunityId, string Status, DateTimeOffset CreatedAt, DateTimeOffset? RespondedAt);

    // Settable properties, not a positional record: the columns are computed, and their types differ between dialects.
    private sealed record RegistrationRow
    {
        public long Registered { get; init; }
        public long Protected { get; init; }
        public long Overlaps { get; init; }
        public long Poaching { get; init; }
    }
}
