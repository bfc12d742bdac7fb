using EcosystemMarket.Data;
using EcosystemMarket.Settlement.Infrastructure;
using EcosystemMarket.Settlement.Model;

using EcosystemMarket.TestSupport;

namespace EcosystemMarket.UnitTests;

/// <summary>
/// Payout accounts on SQLite: a save from a stale read is refused, whether the account was opened or moved on
/// meanwhile: what stops two approvals that read the same balance from both paying it.
/// </summary>
public sealed class Payout_accounts : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private MigratedSqliteFile _file = null!;
    private readonly Guid _partner = Guid.NewGuid();

    public async ValueTask InitializeAsync()
    {
        _file = await MigratedSqliteFile.CreateAsync("payout-accounts", [typeof(Ledger).Assembly], TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();

    private async Task<PayoutAccount> ReadAsync()
    {
        await using var unit = await _file.Database.BeginAsync(TestContext.Current.CancellationToken);
        return await PayoutAccounts.GetAsync(unit, "acme", _partner, "USD", TestContext.Current.CancellationToken);
    }

    private async Task SaveAsync(PayoutAccount read)
    {
        await using var unit = await _file.Database.BeginAsync(TestContext.Current.CancellationToken);
        await PayoutAccounts.SaveAsync(unit, read with { Version = read.Version + 1 }, read.Version, Now, TestContext.Current.CancellationToken);
        await unit.CommitAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_account_never_paid_is_at_version_zero_and_each_save_moves_it_on()
    {
        Assert.Equal(0, (await ReadAsync()).Version);
        await SaveAsync(await ReadAsync());
        await SaveAsync(await ReadAsync());
        Assert.Equal(2, (await ReadAsync()).Version);
    }

    [Fact]
    public async Task Two_approvals_that_read_an_unopened_account_cannot_both_open_it()
    {
        var first = await ReadAsync();
        var second = await ReadAsync();

        await SaveAsync(first);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SaveAsync(second));

        Assert.Contains(_partner.ToString(), conflict.Message);
        Assert.Equal(1, (await ReadAsync()).Version);
    }

    [Fact]
    public async Task Two_approvals_that_read_the_same_version_cannot_both_save()
    {
        await SaveAsync(await ReadAsync());
        var first = await ReadAsync();
        var second = await ReadAsync();

        await SaveAsync(first);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SaveAsync(second));
        Assert.Equal(2, (await ReadAsync()).Version);
    }
}
