using System.Security.Claims;
using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.UnitTests;

public sealed class Caller_token_rules
{
    private static ClaimsPrincipal Caller(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test", ClaimNames.Subject, ClaimNames.Role));

    [Fact]
    public void A_partner_acts_for_an_organisation_named_by_a_guid()
    {
        Assert.Null(CallerTokenRules.Refusal(Caller((ClaimNames.Role, Roles.Partner), (ClaimNames.PartnerId, Guid.NewGuid().ToString()))));
        Assert.NotNull(CallerTokenRules.Refusal(Caller((ClaimNames.Role, Roles.Partner))));
        Assert.NotNull(CallerTokenRules.Refusal(Caller((ClaimNames.Role, Roles.Partner), (ClaimNames.PartnerId, "acme"))));
        Assert.NotNull(CallerTokenRules.Refusal(Caller((ClaimNames.Role, Roles.Partner), (ClaimNames.PartnerId, ""))));
    }

    [Fact]
    public void A_vendor_acts_for_a_program()
    {
        Assert.Null(CallerTokenRules.Refusal(Caller((ClaimNames.Role, Roles.Vendor), (ClaimNames.VendorId, "acme"))));
        Assert.NotNull(CallerTokenRules.Refusal(Caller((ClaimNames.Role, Roles.Vendor))));
        Assert.NotNull(CallerTokenRules.Refusal(Caller((ClaimNames.Role, Roles.Vendor), (ClaimNames.VendorId, " "))));
    }

    [Fact]
    public void An_administrator_needs_neither_and_a_service_is_no_user()
    {
        Assert.Null(CallerTokenRules.Refusal(Caller((ClaimNames.Role, Roles.Admin))));
        Assert.NotNull(CallerTokenRules.Refusal(Caller((ClaimNames.Role, Roles.Service), (ClaimNames.Subject, "matching"))));
    }
}
