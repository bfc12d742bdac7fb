using System.Security.Claims;
using EcosystemMarket.Portal.Security;
using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.Portal.Components.Layout;

/// <summary>What each kind of user finds in the portal's navigation, in the order of a working day.</summary>
public static class PortalNavigation
{
    public sealed record Item(string Key, string Href, string Label);

    public static IReadOnlyList<Item> For(ClaimsPrincipal user)
    {
        var items = new List<Item>();
        if (user.IsPartner())
        {
            items.AddRange([
                new("home", "", "Home"),
                new("opportunities", "opportunities", "Opportunities"),
                new("invitations", "invitations", "Invitations"),
                new("money", "money", "Money"),
                new("profile", "profile", "Profile"),
            ]);
        }
        if (user.IsVendor() || user.IsAdmin())
        {
            items.AddRange([
                new("program", "program", "Program"),
                new("registrations", "program/registrations", "Registrations"),
                new("payouts", "program/payouts", "Payouts"),
                new("ecosystem", "ecosystem", "Ecosystem"),
            ]);
        }
        return items;
    }
}
