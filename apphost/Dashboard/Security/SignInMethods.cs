using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.Dashboard.Security;

/// <summary>The ways in that configuration allows.</summary>
public sealed record SignInMethods(string? BrowserToken, bool AcceptsJwt, bool Unsecured)
{
    public bool Any => BrowserToken is not null || AcceptsJwt || Unsecured;

    public static SignInMethods From(IConfiguration configuration)
    {
        var options = configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions();
        var jwt = JwtSettings.From(configuration);
        return new SignInMethods(
            string.IsNullOrWhiteSpace(options.Frontend.BrowserToken) ? null : options.Frontend.BrowserToken,
            jwt.Authority is not null || jwt.SigningKey is not null,
            options.Unsecured);
    }
}
