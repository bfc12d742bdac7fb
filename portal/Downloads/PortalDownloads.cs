using EcosystemMarket.Portal.Gateway;
using EcosystemMarket.Portal.Money;
using EcosystemMarket.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Components.Authorization;

namespace EcosystemMarket.Portal.Downloads;

/// <summary>Files a person downloads (CSV statements): plain GET endpoints behind the cookie, fetched through the gateway.</summary>
public static class PortalDownloads
{
    public static void MapPortalDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/money/statement.csv", StatementCsvAsync).RequireAuthorization().WithName("DownloadStatement");
    }

    /// <summary>
    /// The signed-in partner's statement for the days picked on the money page, as Settlement writes it in CSV. The
    /// gateway client reads the user from the authentication state, which outside a page has to be given the
    /// request's user first.
    /// </summary>
    private static async Task<IResult> StatementCsvAsync(DateOnly? from, DateOnly? to, string? currency, HttpContext context,
        AuthenticationStateProvider authentication, GatewayClient gateway, TimeProvider clock)
    {
        if (context.User.PartnerId() is not { } partnerId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Statements are a partner organisation's: sign in as a partner.");
        }
        if (authentication is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(context.User)));
        }
        var period = StatementPeriod.Of(from, to, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var answer = await new MoneyApi(gateway).StatementCsvAsync(partnerId, period, currency, context.RequestAborted);
        return answer.Value is { } csv
            ? TypedResults.File(csv, "text/csv; charset=utf-8", period.FileName(currency))
            : TypedResults.Problem(statusCode: (int?)answer.Status ?? StatusCodes.Status502BadGateway, title: answer.Problem);
    }
}
