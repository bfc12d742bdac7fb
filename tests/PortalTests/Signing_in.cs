using System.Net;
using EcosystemMarket.ServiceDefaults.Authentication;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.PortalTests;

/// <summary>The portal's pages, static assets and sign-in form, all reached through the gateway's catch-all route.</summary>
public sealed class Signing_in(PortalSystem system) : IClassFixture<PortalSystem>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_vendor_token_signs_in_and_lands_back_on_the_page_it_asked_for_through_the_gateway()
    {
        using var browser = system.Browser();

        var asked = await browser.GetAsync("/ecosystem?days=30", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal("/signin", asked.Headers.Location!.AbsolutePath);

        var signedIn = await SignInAsync(browser, asked.Headers.Location.PathAndQuery, DevelopmentTokens.Create(TestTokens.SigningKey, Roles.Vendor, vendorId: "acme-figures"));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        // The gateway keeps the browser's Host, so the portal sends it back to the gateway, not to itself.
        Assert.Equal(new Uri(system.Gateway, "/ecosystem?days=30"), signedIn.Headers.Location);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".EcosystemMarket.Portal=", StringComparison.Ordinal) && c.Contains("httponly") && c.Contains("samesite=lax"));

        var page = await browser.GetAsync("/ecosystem?days=30", Cancel);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Vendor acme-figures", Html.TextOf(await page.Content.ReadAsStringAsync(Cancel), "signed-in-as"));
    }

    [Fact]
    public async Task A_partner_token_signs_in_to_the_partners_pages()
    {
        using var browser = system.Browser();
        var partner = Guid.NewGuid();

        var signedIn = await SignInAsync(browser, "/signin?returnUrl=%2Fprofile", TestTokens.Partner(partner));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(new Uri(system.Gateway, "/profile"), signedIn.Headers.Location);
        var home = await browser.GetAsync("/", Cancel);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal($"Partner {partner.ToString()[..8]}…", Html.TextOf(await home.Content.ReadAsStringAsync(Cancel), "signed-in-as"));
    }

    [Fact]
    public async Task A_token_that_names_no_organisation_vendor_or_administrator_is_refused_with_a_reason_and_no_cookie()
    {
        using var browser = system.Browser();

        var refused = await SignInAsync(browser, "/signin", DevelopmentTokens.Create(TestTokens.SigningKey, Roles.Partner));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("names no partner organisation, vendor or administrator", Html.TextOf(await refused.Content.ReadAsStringAsync(Cancel), "signin-refusal"));
        Assert.DoesNotContain(refused.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(".EcosystemMarket.Portal=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/ecosystem", Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_development_sign_in_is_off_unless_the_app_host_turns_it_on()
    {
        using var browser = system.Browser();

        var page = await (await browser.GetAsync("/signin", Cancel)).Content.ReadAsStringAsync(Cancel);

        Assert.DoesNotContain("dev-partner-form", page, StringComparison.Ordinal);
        Assert.Contains("signin-form", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        using var browser = system.Browser();

        var refused = await SignInAsync(browser, "/signin", DevelopmentTokens.Create(DevelopmentTokens.NewSigningKey(), Roles.Admin));

        Assert.StartsWith("The token is not valid", Html.TextOf(await refused.Content.ReadAsStringAsync(Cancel), "signin-refusal"));
    }

    [Fact]
    public async Task The_portals_stylesheet_comes_through_the_gateway_while_api_and_gateway_paths_never_reach_the_portal()
    {
        using var browser = system.Browser();
        var signInPage = await (await browser.GetAsync("/signin", Cancel)).Content.ReadAsStringAsync(Cancel);

        var stylesheet = await browser.GetAsync(Html.StylesheetHref(signInPage), Cancel);
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.Equal("text/css", stylesheet.Content.Headers.ContentType?.MediaType);

        var unknownApi = await browser.GetAsync("/api/nothing-here", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, unknownApi.StatusCode);
        Assert.Equal("application/problem+json", unknownApi.Content.Headers.ContentType?.MediaType);
        // The gateway's own OpenAPI endpoint answers for unknown documents, not the portal.
        var unknownDocument = await browser.GetAsync("/openapi/nothing.json", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, unknownDocument.StatusCode);
        Assert.NotEqual("text/html", unknownDocument.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/partners/figures", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health", Cancel)).StatusCode);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string signInPath, string token)
    {
        var form = await (await browser.GetAsync(signInPath, Cancel)).Content.ReadAsStringAsync(Cancel);
        return await browser.PostAsync(signInPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "token",
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(form),
            ["Token"] = token,
        }), Cancel);
    }
}
