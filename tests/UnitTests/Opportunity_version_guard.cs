using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Data;

using EcosystemMarket.TestSupport;

namespace EcosystemMarket.UnitTests;

/// <summary>The repository saves an opportunity only from the version it was read at: a stale save fails and changes nothing.</summary>
public sealed class Opportunity_version_guard : IAsyncLifetime
{
    private MigratedSqliteFile _file = null!;
    private OpportunityRepository _repository = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _file = await MigratedSqliteFile.CreateAsync("version-guard", [typeof(OpportunityRepository).Assembly], TestContext.Current.CancellationToken);
        _repository = new OpportunityRepository(_file.Database);
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();

    [Fact]
    public async Task A_save_from_the_version_read_moves_the_version_on()
    {
        var opportunity = await StoredAsync(Deals.Opportunity(OpportunityStatus.Teaming));

        await SaveAsync(Loaded(opportunity), a => a.Win(1m, null, Deals.Now));

        var stored = await _repository.GetAsync(opportunity.Id, Cancel);
        Assert.Equal((OpportunityStatus.Won, 1L), (stored?.Status, stored?.Version));
    }

    [Fact]
    public async Task A_save_from_a_stale_version_is_a_concurrency_conflict_and_changes_nothing()
    {
        var opportunity = await StoredAsync(Deals.Opportunity(OpportunityStatus.Teaming));
        var (first, second) = (Loaded(opportunity), Loaded(opportunity));
        await SaveAsync(first, a => a.Lose(Deals.Now));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SaveAsync(second, a => a.Win(1m, null, Deals.Now)));

        var stored = await _repository.GetAsync(opportunity.Id, Cancel);
        Assert.Equal((OpportunityStatus.Lost, 1L), (stored?.Status, stored?.Version));
    }

    [Fact]
    public async Task An_invitation_answered_since_it_was_read_is_not_answered_again()
    {
        var opportunity = await StoredAsync(Deals.Opportunity());
        var invitee = Guid.NewGuid();
        await SaveAsync(Loaded(opportunity), a => a.Invite(invitee, "security", new() { Kind = "referral-fee", Percent = 1m }, Deals.Now.AddDays(1), Deals.Now));
        var invitation = Assert.Single(await _repository.InvitationsOfAsync(opportunity.Id, Cancel));
        var current = (await _repository.GetAsync(opportunity.Id, Cancel))!;
        var (accepting, declining) = (new OpportunityAggregate(current, [invitation]), new OpportunityAggregate(current, [invitation]));
        await SaveAsync(accepting, a => a.Respond(invitation.Id, accept: true, null, Deals.Now));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SaveAsync(declining, a => a.Respond(invitation.Id, accept: false, "busy", Deals.Now)));

        Assert.Equal(InvitationStatus.Accepted, (await _repository.GetInvitationAsync(invitation.Id, Cancel))?.Status);
    }

    private static OpportunityAggregate Loaded(Opportunity opportunity) => new(opportunity, []);

    private async Task<Opportunity> StoredAsync(Opportunity opportunity)
    {
        await using var unit = await _repository.BeginAsync(Cancel);
        await _repository.InsertAsync(unit, opportunity, Cancel);
        await unit.CommitAsync(Cancel);
        return opportunity;
    }

    private async Task SaveAsync(OpportunityAggregate aggregate, Func<OpportunityAggregate, Outcome> decide)
    {
        Assert.False(decide(aggregate).Refused);
        await using var unit = await _repository.BeginAsync(Cancel);
        await _repository.SaveAsync(unit, aggregate, Cancel);
        await unit.CommitAsync(Cancel);
    }
}
