using EcosystemMarket.Brokering.Infrastructure;
using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Data;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.UnitTests;

/// <summary>The repository saves an alliance only from the version it was read at: of two answers read together, one wins.</summary>
public sealed class Alliance_version_guard : IAsyncLifetime
{
    private MigratedSqliteFile _file = null!;
    private AllianceRepository _repository = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _file = await MigratedSqliteFile.CreateAsync("alliance-version-guard", [typeof(AllianceRepository).Assembly], Cancel);
        _repository = new AllianceRepository(_file.Database);
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();

    [Fact]
    public async Task An_accept_and_a_decline_read_together_cannot_both_be_saved()
    {
        var (proposer, accepting, declining) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (proposed, _) = AllianceAggregate.Propose(Guid.NewGuid(), "Race", proposer, [accepting, declining], AllianceScope.Any, SharingLevel.Leads, Deals.Now);
        await using (var unit = await _repository.BeginAsync(Cancel))
        {
            await _repository.InsertAsync(unit, proposed!, Cancel);
            await unit.CommitAsync(Cancel);
        }
        var id = proposed!.Alliance.Id;
        var (first, second) = ((await _repository.GetAsync(id, Cancel))!, (await _repository.GetAsync(id, Cancel))!);

        await SaveAsync(first, a => a.Accept(accepting, Deals.Now));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SaveAsync(second, a => a.Decline(declining, Deals.Now)));

        var stored = (await _repository.GetAsync(id, Cancel))!;
        Assert.Equal((AllianceState.Proposed, 1L), (stored.Alliance.State, stored.Alliance.Version));
        Assert.Equal([MembershipStatus.Accepted, MembershipStatus.Pending],
            new[] { accepting, declining }.Select(m => stored.Member(m)!.Status));
    }

    [Fact]
    public async Task Shares_are_saved_and_taken_back_with_the_alliance()
    {
        var (proposer, ally) = (Guid.NewGuid(), Guid.NewGuid());
        var opportunities = new OpportunityRepository(_file.Database);
        var opportunity = Deals.Opportunity() with { OwnerPartnerId = proposer };
        var (proposed, _) = AllianceAggregate.Propose(Guid.NewGuid(), "Sharing", proposer, [ally], AllianceScope.Any, SharingLevel.Leads, Deals.Now);
        await using (var unit = await _repository.BeginAsync(Cancel))
        {
            await opportunities.InsertAsync(unit, opportunity, Cancel);
            await _repository.InsertAsync(unit, proposed!, Cancel);
            await unit.CommitAsync(Cancel);
        }
        var id = proposed!.Alliance.Id;
        await SaveAsync((await _repository.GetAsync(id, Cancel))!, a => a.Accept(ally, Deals.Now));
        await SaveAsync((await _repository.GetAsync(id, Cancel))!, a => a.Share(opportunity, proposer, Deals.Now));

        Assert.Equal(opportunity.Id, Assert.Single((await _repository.GetAsync(id, Cancel))!.Shared).OpportunityId);
        Assert.Equal([id], await _repository.AlliancesSharingAsync(opportunity.Id, Cancel));
        Assert.Equal([ally], (await _repository.InForceOfAsync(proposer, Cancel)).SelectMany(a => a.AlliesFor(opportunity)));

        await SaveAsync((await _repository.GetAsync(id, Cancel))!, a => a.Leave(proposer, Deals.Now));
        var ended = (await _repository.GetAsync(id, Cancel))!;
        Assert.Equal((AllianceState.Ended, 3L), (ended.Alliance.State, ended.Alliance.Version));
        Assert.Empty(ended.Shared);
    }

    private async Task SaveAsync(AllianceAggregate aggregate, Func<AllianceAggregate, Outcome> decide)
    {
        await using var unit = await _repository.BeginAsync(Cancel);
        Assert.False(decide(aggregate).Refused);
        await _repository.SaveAsync(unit, aggregate, Cancel);
        await unit.CommitAsync(Cancel);
    }
}
