using EcosystemMarket.Brokering.Model;
using EcosystemMarket.Contracts.V1;

namespace EcosystemMarket.UnitTests;

/// <summary>A vendor decides on a registration once, and says why when it rejects.</summary>
public class Vendor_decisions
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DealRegistration Registration =
        DealRegistration.Register(new("netapp", Guid.NewGuid(), null, "Hooli", ["storage"]), null, [], [], Now, TimeSpan.FromDays(90)).Registration;

    [Fact]
    public void A_rejection_keeps_its_reason_and_is_announced_with_it()
    {
        var (decision, announcement, violation) = VendorDecision.Decide(Registration, null, approve: false, "Duplicate", Now);

        Assert.Null(violation);
        Assert.Equal((false, "rejected", "Duplicate"), (decision!.Approved, decision.Name, decision.Reason));
        Assert.Equal("Duplicate", Assert.IsType<DealRegistrationRejected>(announcement).Reason);
    }

    [Fact]
    public void A_registration_already_decided_is_not_decided_again()
    {
        var (approved, announcement, _) = VendorDecision.Decide(Registration, null, approve: true, null, Now);
        Assert.IsType<DealRegistrationApproved>(announcement);

        var (again, _, violation) = VendorDecision.Decide(Registration, approved, approve: false, "Changed my mind", Now.AddDays(1));

        Assert.Null(again);
        Assert.Equal("The registration was already decided.", violation?.Title);
    }
}
