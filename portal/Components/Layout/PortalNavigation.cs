using Microsoft.AspNetCore.Components.Routing;
using System.Security.Claims;
using EcosystemMarket.Portal.Security;
using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.Portal.Components.Layout;

/// <summary>What each kind of user finds in the portal's navigation, in the order of a working day.</summary>
public static class PortalNavigation
{
    public sealed record Item(string Key, string Href, string Label)
    {
        /// <summary>Home and the program's own page match exactly: the pages under them have entries of their own.</summary>
        public NavLinkMatch Match => Href is "" or "program" ? NavLinkMatch.All : NavLinkMatch.Prefix;
    }

    public static IReadOnlyList<Item> For(ClaimsPrincipal user)
    {
        var items = new List<Item>();
        if (user.IsPartner())
        {
            items.AddRange([
                new("home", "", "Home"),
                new("opportunities", "opportunities", "Opportunities"),
                new("invitations", "invitations", "Invitations"),
                new("alliances", "alliances", "Alliances"),
                new("money", "money", "Money"),
                new("profile", "profile", "Profile"),
                new("audit", "audit", "Audit log"),
            ]);
        }
        if (user.IsVendor() || user.IsAdmin())
        {
            items.AddRange([
                new("program", "program", "Program"),
                new("registrations", "program/registrations", "Registrations"),
                new("payouts", "program/payouts", "Payouts"),
                new("blueprints", "program/blueprints", "Blueprints"),
                new("management", "program/management", "Management"),
                new("ecosystem", "ecosystem", "Ecosystem"),
                new("audit", "audit", "Audit log"),
            ]);
        }
        return items;
    }
}
