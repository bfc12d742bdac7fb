using EcosystemMarket.Brokering.Model;

namespace EcosystemMarket.UnitTests;

public class Deal_registration_rules
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("ACME Corp.", "acme")]
    [InlineData("Acme Corporation", "acme")]
    [InlineData("  acme,   inc ", "acme")]
    [InlineData("Müller GmbH & Co", "müller")]
    [InlineData("The Co", "the")]
    [InlineData("Co", "co")]
    public void Customers_are_compared_by_a_normalised_name(string name, string key) =>
        Assert.Equal(key, DealRegistrationRules.NormaliseCustomer(name));

    [Theory]
    [InlineData(new[] { "storage" }, new[] { "storage.backup" }, true)]
    [InlineData(new[] { "storage.backup" }, new[] { "storage.backup" }, true)]
    [InlineData(new[] { "storage.backup" }, new[] { "storage.san" }, false)]
    [InlineData(new[] { "storage" }, new[] { "storage-arrays" }, false)]
    public void Scopes_overlap_when_one_holds_a_capability_at_or_above_the_others(string[] first, string[] second, bool overlap) =>
        Assert.Equal(overlap, DealRegistrationRules.Overlaps(first, second));

    private static DealRegistration Registration(long sequence, Guid registrant, string vendor = "netapp", string customer = "acme",
        string[]? scope = null, bool isProtected = true, DateTimeOffset? protectedUntil = null, string previousHash = DealRegistration.GenesisHash)
    {
        var registration = new DealRegistration
        {
            Id = Guid.NewGuid(), Sequence = sequence, VendorId = vendor, RegistrantPartnerId = registrant, OpportunityId = null,
            CustomerName = customer, CustomerKey = customer, Scope = scope ?? ["storage"], RegisteredAt = Now.AddDays(-sequence),
            ProtectedUntil = protectedUntil ?? Now.AddDays(30), Protected = isProtected, ConflictsWithId = null, Poaching = false,
            PreviousHash = previousHash, Hash = "",
        };
        return registration with { Hash = DealRegistration.HashOf(previousHash, registration.CanonicalContent()) };
    }

    [Fact]
    public void The_first_protected_registrant_wins_against_a_later_overlapping_one_from_another_partner()
    {
        var first = Registration(1, Guid.NewGuid());
        var conflict = DealRegistrationRules.ProtectedConflict("netapp", Guid.NewGuid(), "acme", ["storage.backup"], [first], Now);
        Assert.Equal(first.Id, conflict?.Id);
    }

    [Fact]
    public void No_conflict_for_the_same_registrant_another_vendor_another_customer_an_expired_protection_or_a_disjoint_scope()
    {
        var registrant = Guid.NewGuid();
        var first = Registration(1, registrant);
        Assert.Null(DealRegistrationRules.ProtectedConflict("netapp", registrant, "acme", ["storage"], [first], Now));
        Assert.Null(DealRegistrationRules.ProtectedConflict("cisco", Guid.NewGuid(), "acme", ["storage"], [first], Now));
        Assert.Null(DealRegistrationRules.ProtectedConflict("netapp", Guid.NewGuid(), "globex", ["storage"], [first], Now));
        Assert.Null(DealRegistrationRules.ProtectedConflict("netapp", Guid.NewGuid(), "acme", ["security"], [first], Now));
        var lapsed = Registration(1, Guid.NewGuid(), protectedUntil: Now.AddMinutes(-1));
        Assert.Null(DealRegistrationRules.ProtectedConflict("netapp", Guid.NewGuid(), "acme", ["storage"], [lapsed], Now));
    }

    [Fact]
    public void The_chain_proves_every_record_untouched_and_names_the_first_altered_one()
    {
        var first = Registration(1, Guid.NewGuid());
        var second = Registration(2, Guid.NewGuid(), previousHash: first.Hash);
        var third = Registration(3, Guid.NewGuid(), previousHash: second.Hash);
        Assert.Null(DealRegistrationRules.FirstBrokenLink([first, second, third]));

        var backdated = second with { RegisteredAt = second.RegisteredAt.AddDays(-10) };
        Assert.Equal(2, DealRegistrationRules.FirstBrokenLink([first, backdated, third]));

        var rehashed = backdated with { Hash = DealRegistration.HashOf(first.Hash, backdated.CanonicalContent()) };
        Assert.Equal(3, DealRegistrationRules.FirstBrokenLink([first, rehashed, third]));
    }
}
