using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Settlement.Model;

namespace EcosystemMarket.UnitTests;

public class Fees_between_partners
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Holding = TimeSpan.FromDays(30);
    private static readonly Guid Owner = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000000");
    private static readonly Guid Member = Guid.Parse("bbbbbbbb-0000-0000-0000-000000000000");

    private static IReadOnlyList<LedgerEntry> Booked(string kind = RewardTerms.ReferralFee, decimal? amount = null) => ReferralRewards.For(new OpportunityWon
    {
        OpportunityId = Guid.Parse("11111111-2222-3333-4444-555555555555"),
        OwnerPartnerId = Owner,
        FinalValue = 10_000.05m,
        Currency = "USD",
        Team = [new TeamMemberTerms { PartnerId = Member, Role = "security", Reward = new RewardTerms { Kind = kind, Percent = 7.5m, Amount = amount } }],
        OccurredAt = Now,
    }, Now, Holding);

    private static Fee Single(IEnumerable<LedgerEntry> entries, TimeSpan grace = default) => Assert.Single(PartnerFees.In(entries, grace));

    [Fact]
    public void Both_sides_see_the_same_fee_with_payer_payee_and_the_exact_amount()
    {
        var entries = Booked();

        var fromOwner = Single(entries.Where(e => e.PartnerId == Owner));
        var fromMember = Single(entries.Where(e => e.PartnerId == Member));

        Assert.Equal((Owner, Member, 750.00m, "USD"), (fromOwner.PayerPartnerId, fromOwner.PayeePartnerId, fromOwner.Amount, fromOwner.Currency));
        Assert.Equal(fromOwner with { EntryId = fromMember.EntryId }, fromMember);
        Assert.Equal(Now + Holding, fromOwner.DueAt);
    }

    [Fact]
    public void A_lead_registration_bonus_owed_by_a_vendor_is_no_fee_between_partners()
    {
        var bonus = Booked().Select(e => e with
        {
            TransactionKey = e.TransactionKey + ":bonus", Account = e.Amount > 0 ? Accounts.Earned(ProgramRewards.LeadRegistrationBonus) : Accounts.Owed(ProgramRewards.LeadRegistrationBonus),
        });

        Assert.Empty(PartnerFees.In(bonus, TimeSpan.Zero));
    }

    [Fact]
    public void A_fee_is_due_until_its_payable_date_plus_grace_and_overdue_after_it()
    {
        var fee = Single(Booked(), TimeSpan.FromDays(3));

        Assert.Equal(FeeStates.Due, fee.StateAt(Now + Holding));
        Assert.Equal(FeeStates.Due, fee.StateAt(Now + Holding + TimeSpan.FromDays(3)));
        Assert.Equal(FeeStates.Overdue, fee.StateAt(Now + Holding + TimeSpan.FromDays(3) + TimeSpan.FromTicks(1)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Settling_nets_both_sides_into_paid_in_one_transaction_that_sums_to_zero(bool byPayer)
    {
        var booked = Booked(RewardTerms.FixedFee, 1_234.56m);
        var fee = Single(booked);
        var later = Now + TimeSpan.FromDays(40);

        var settlement = fee.Settle(byPayer ? Owner : Member, byPayer, later);

        Assert.Null(settlement.Refusal);
        Assert.Equal(2, settlement.Entries.Count);
        Assert.Single(settlement.Entries.Select(e => e.TransactionKey).Distinct());
        Assert.Equal(0m, settlement.Entries.Sum(e => e.Amount));
        Assert.All(settlement.Entries, e => Assert.Equal("fixed-fee-paid", e.Account));
        var all = booked.Concat(settlement.Entries).ToList();
        Assert.Equal(0m, all.Where(e => e.PartnerId == Owner).Sum(e => e.Amount));
        Assert.Equal(0m, all.Where(e => e.PartnerId == Member).Sum(e => e.Amount));
        var paid = Single(all);
        Assert.Equal((FeeStates.Paid, (DateTimeOffset?)later), (paid.StateAt(later), paid.PaidAt));
    }

    [Fact]
    public void The_payer_and_the_payee_settle_under_the_same_key_and_settling_a_paid_fee_again_books_nothing()
    {
        var booked = Booked();
        var fee = Single(booked);

        var byPayer = fee.Settle(Owner, true, Now);
        var byPayee = fee.Settle(Member, false, Now);
        var again = Single(booked.Concat(byPayer.Entries)).Settle(Member, false, Now.AddDays(1));

        Assert.Equal(byPayer.Entries.Select(e => (e.TransactionKey, e.PartnerId, e.Amount)), byPayee.Entries.Select(e => (e.TransactionKey, e.PartnerId, e.Amount)));
        Assert.Equal((0, (FeeSettlementRefusal?)null), (again.Entries.Count, again.Refusal));
    }

    [Fact]
    public void A_fee_settled_while_held_leaves_nothing_held_or_payable_on_either_side()
    {
        var booked = Booked();
        var settled = booked.Concat(Single(booked).Settle(Owner, true, Now).Entries).ToList();

        foreach (var partner in new[] { Owner, Member })
        {
            var usd = Assert.Single(Statements.For(partner, settled.Where(e => e.PartnerId == partner).ToList(), DateTimeOffset.MinValue, Now.AddTicks(1)).Currencies);
            Assert.Equal((0m, 0m, 0m), (usd.ClosingBalance, usd.Held, usd.Payable));
        }
    }

    [Fact]
    public void Only_the_payer_records_paying_only_the_payee_confirms_and_a_stranger_is_no_party()
    {
        var fee = Single(Booked());

        Assert.Equal(FeeSettlementRefusal.OtherParty, fee.Settle(Member, true, Now).Refusal);
        Assert.Equal(FeeSettlementRefusal.OtherParty, fee.Settle(Owner, false, Now).Refusal);
        Assert.Equal(FeeSettlementRefusal.NotAParty, fee.Settle(Guid.NewGuid(), true, Now).Refusal);
        Assert.Empty(fee.Settle(Guid.NewGuid(), false, Now).Entries);
    }

    [Fact]
    public void A_clawed_back_fee_is_reversed_and_cannot_be_settled()
    {
        var booked = Booked();
        var fee = Single(booked.Concat(Clawbacks.For(booked, Now.AddDays(1))));

        Assert.Equal(FeeStates.Reversed, fee.StateAt(Now.AddDays(90)));
        var settlement = fee.Settle(Owner, true, Now.AddDays(2));
        Assert.Equal(FeeSettlementRefusal.Reversed, settlement.Refusal);
        Assert.Empty(settlement.Entries);
    }

    [Fact]
    public void A_reversal_after_payment_leaves_the_payment_to_be_returned()
    {
        var booked = Booked();
        var paid = booked.Concat(Single(booked).Settle(Owner, true, Now).Entries).ToList();
        // A clawback reverses what was booked for the opportunity; the settlement, like a payout, belongs to none.
        var reversed = paid.Concat(Clawbacks.For(paid.Where(e => e.OpportunityId == booked[0].OpportunityId).ToList(), Now.AddDays(1))).ToList();

        Assert.Equal(-750.00m, reversed.Where(e => e.PartnerId == Member).Sum(e => e.Amount));
        Assert.Equal(750.00m, reversed.Where(e => e.PartnerId == Owner).Sum(e => e.Amount));
        Assert.Equal(FeeStates.Paid, Single(reversed).StateAt(Now.AddDays(2)));
    }

    [Theory]
    [InlineData(null, true, true)]
    [InlineData("owing", true, false)]
    [InlineData("owed", false, true)]
    [InlineData("overdue", true, true)]
    [InlineData("paid", false, false)]
    public void Filters_say_which_side_owes_and_overdue_shows_to_both(string? state, bool toOwner, bool toMember)
    {
        var fee = Single(Booked());
        var overdue = Now + Holding + TimeSpan.FromDays(1);

        Assert.Equal((toOwner, toMember), (PartnerFees.Matches(fee, Owner, state, overdue), PartnerFees.Matches(fee, Member, state, overdue)));
        Assert.False(PartnerFees.Matches(fee, Owner, FeeStates.Overdue, Now));
        Assert.True(PartnerFees.Matches(fee with { PaidAt = overdue }, Member, FeeStates.Paid, overdue));
    }
}
