using System.Security.Claims;
using EcosystemMarket.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http;

namespace EcosystemMarket.UnitTests;

public class Figure_access
{
    private static ClaimsPrincipal User(string role, string? vendor = null, Guid? partner = null) =>
        new(new ClaimsIdentity(
            new[] { new Claim(ClaimNames.Role, role) }
                .Concat(vendor is null ? [] : [new Claim(ClaimNames.VendorId, vendor)])
                .Concat(partner is null ? [] : [new Claim(ClaimNames.PartnerId, partner.ToString()!)]),
            "test", ClaimNames.Subject, ClaimNames.Role));

    [Theory]
    [InlineData(null)]
    [InlineData("acme")]
    public void A_vendor_reads_its_own_program_whether_or_not_it_names_it(string? requested)
    {
        Assert.True(User(Roles.Vendor, "acme").TryScopeFigures(requested, out var vendor, out _));
        Assert.Equal("acme", vendor);
    }

    [Fact]
    public void A_vendor_naming_another_program_is_refused()
    {
        Assert.False(User(Roles.Vendor, "acme").TryScopeFigures("globex", out _, out var refusal));
        Assert.Equal(StatusCodes.Status403Forbidden, refusal.StatusCode);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("globex", "globex")]
    public void An_administrator_reads_any_program_or_the_whole_ecosystem(string? requested, string? expected)
    {
        Assert.True(User(Roles.Admin).TryScopeFigures(requested, out var vendor, out _));
        Assert.Equal(expected, vendor);
    }

    [Fact]
    public void A_partner_is_refused_even_for_the_program_it_belongs_to()
    {
        Assert.False(User(Roles.Partner, partner: Guid.NewGuid()).TryScopeFigures("acme", out _, out var refusal));
        Assert.Equal(StatusCodes.Status403Forbidden, refusal.StatusCode);
    }
}
