using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Settlement.Model;

namespace EcosystemMarket.UnitTests;

public class Program_rewards_and_payouts
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly RewardProgram Program = new("netapp", "NetApp Partner Rewards", "EUR", 333.33m,
        new Dictionary<string, decimal> { ["premier"] = 1.5m }, HoldingPeriodDays: 10);

    private static OpportunityWon Won(Guid? registration) => new()
    {
        OpportunityId = Guid.NewGuid(), OwnerPartnerId = Owner, FinalValue = 1000m, Currency = "USD", Team = [],
        VendorId = "netapp", DealRegistrationId = registration, OccurredAt = Now,
    };

    [Fact]
    public void The_bonus_goes_to_a_registered_deal_scaled_by_tier_in_the_programs_currency_and_balances()
    {
        var entries = ProgramRewards.For(Won(Guid.NewGuid()), Program, "premier", Now);

        var earned = Assert.Single(entries, e => e.PartnerId == Owner);
        Assert.Equal((500.00m, "EUR", Now.AddDays(10)), (earned.Amount, earned.Currency, earned.PayableAt));
        Assert.Equal(VendorAccounts.For("netapp"), earned.CounterpartyPartnerId);
        Assert.Equal(0m, entries.Sum(e => e.Amount));
        Assert.Equal(333.33m, ProgramRewards.For(Won(Guid.NewGuid()), Program, "ready", Now).Single(e => e.PartnerId == Owner).Amount);
    }

    [Fact]
    public void A_win_under_a_program_is_held_for_its_holding_period_and_earns_the_bonus_only_with_the_owners_attested_tier()
    {
        var won = Won(Guid.NewGuid()) with
        {
            Team = [new TeamMemberTerms { PartnerId = Guid.NewGuid(), Role = "specialist", Reward = new RewardTerms { Kind = RewardTerms.FixedFee, Amount = 100m } }],
        };

        var underProgram = WinRewards.For(won, Program, "premier", Now, defaultHoldingPeriod: TimeSpan.FromDays(30));
        var tierUnknown = WinRewards.For(won, Program, ownerTier: null, Now, defaultHoldingPeriod: TimeSpan.FromDays(30));
        var noProgram = WinRewards.For(won, program: null, ownerTier: null, Now, defaultHoldingPeriod: TimeSpan.FromDays(30));

        Assert.Equal(4, underProgram.Count);
        Assert.All(underProgram, e => Assert.Equal(Now.AddDays(10), e.PayableAt));
        Assert.Equal(500m, underProgram.Single(e => e.PartnerId == Owner && e.Amount > 0).Amount);
        Assert.Equal(2, tierUnknown.Count);
        Assert.All(noProgram, e => Assert.Equal(Now.AddDays(30), e.PayableAt));
    }

    [Fact]
    public void An_unregistered_deal_earns_no_bonus() =>
        Assert.Empty(ProgramRewards.For(Won(null), Program, "premier", Now));

    [Fact]
    public void A_payout_pays_only_what_is_past_its_holding_period_net_of_clawbacks_and_never_a_negative_amount()
    {
        var held = ProgramRewards.For(Won(Guid.NewGuid()), Program, "premier", Now).Where(e => e.PartnerId == Owner).ToList();
        var account = new PayoutAccount("netapp", Owner, "EUR", Version: 0);
        Assert.Null(account.Approve(held, Now.AddDays(9)));

        var payout = account.Approve(held, Now.AddDays(10))?.Payout;
        Assert.Equal(500m, payout?.Amount);
        Assert.Equal(0m, payout!.Entries.Sum(e => e.Amount));

        var clawedBack = held.Concat(Clawbacks.For(held, Now.AddDays(11))).ToList();
        Assert.Null(account.Approve(clawedBack, Now.AddDays(12)));
        Assert.Null((account with { VendorId = "other-vendor" }).Approve(held, Now.AddDays(12)));
    }

    [Fact]
    public void Each_payout_moves_the_account_one_version_on_and_nothing_is_paid_twice()
    {
        var held = ProgramRewards.For(Won(Guid.NewGuid()), Program, "premier", Now).Where(e => e.PartnerId == Owner).ToList();
        var first = new PayoutAccount("netapp", Owner, "EUR", Version: 4).Approve(held, Now.AddDays(10))!;

        Assert.Equal(5, first.Account.Version);
        Assert.Equal(first.Payout.Amount, first.Payout.Announcement(Now).Amount);
        Assert.Null(first.Account.Approve([.. held, .. first.Payout.Entries.Where(e => e.PartnerId == Owner)], Now.AddDays(11)));
    }

    [Fact]
    public void Vendor_accounts_are_stable_and_distinct() =>
        Assert.Equal((VendorAccounts.For("cisco"), true), (VendorAccounts.For("cisco"), VendorAccounts.For("cisco") != VendorAccounts.For("netapp")));
}
