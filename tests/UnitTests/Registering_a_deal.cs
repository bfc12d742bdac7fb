using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.UnitTests;

/// <summary>A registration decides its protection, its conflicts and its link in the chain from what was registered before it.</summary>
public class Registering_a_deal
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Protection = TimeSpan.FromDays(90);

    private static DealRegistrationRequest Asking(Guid partner, string customer = "ACME Corp.") => new("netapp", partner, null, customer, ["storage", "storage"]);

    [Fact]
    public void The_first_registration_of_a_customer_is_protected_and_starts_the_chain()
    {
        var decision = DealRegistration.Register(Asking(Guid.NewGuid()), null, [], [], Now, Protection);

        var first = decision.Registration;
        Assert.True(first.Protected);
        Assert.Equal((1L, DealRegistration.GenesisHash, "acme"), (first.Sequence, first.PreviousHash, first.CustomerKey));
        Assert.Equal(["storage"], first.Scope);
        Assert.Equal(Now + Protection, first.ProtectedUntil);
        Assert.Equal(first.Hash, Assert.IsType<DealRegistered>(decision.Announcement).Hash);
        Assert.Empty(decision.ConflictKinds);
    }

    [Fact]
    public void A_later_registration_of_the_same_customer_by_another_partner_is_a_conflict_linked_after_the_first()
    {
        var first = DealRegistration.Register(Asking(Guid.NewGuid()), null, [], [], Now, Protection).Registration;

        var decision = DealRegistration.Register(Asking(Guid.NewGuid(), "Acme Corporation"), first, [first], [], Now.AddMinutes(1), Protection);

        var second = decision.Registration;
        Assert.False(second.Protected);
        Assert.Equal((2L, first.Hash, first.Id), (second.Sequence, second.PreviousHash, second.ConflictsWithId));
        Assert.Equal([DealConflictDetected.Overlap], Assert.IsType<DealConflictDetected>(decision.Announcement).Kinds);
        Assert.Null(DealRegistrationRules.FirstBrokenLink([first, second]));
    }

    [Fact]
    public void Registering_a_customer_learned_through_an_invitation_is_poaching()
    {
        var owner = Guid.NewGuid();

        var decision = DealRegistration.Register(Asking(Guid.NewGuid()), null, [], [new InvitedCustomer("Acme Inc", owner)], Now, Protection);

        Assert.True(decision.Registration.Poaching);
        Assert.False(decision.Registration.Protected);
        Assert.Equal([owner], Assert.IsType<DealConflictDetected>(decision.Announcement).PoachedFromPartnerIds);
    }
}
