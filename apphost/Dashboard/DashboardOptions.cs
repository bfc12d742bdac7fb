namespace EcosystemMarket.Dashboard;

/// <summary>The <c>Dashboard</c> configuration section, named as Aspire's dashboard names its own keys.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>How often every service's <c>/metrics</c> and the broker's queues are read.</summary>
    public TimeSpan ScrapeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How much history is kept in memory; the longest chart window.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Serve every page without signing in. Only when set explicitly: the dashboard shows logs and business figures.</summary>
    public bool Unsecured { get; set; }

    /// <summary>The token the operator's sign-in link carries (<c>/login?t=…</c>), as the app host prints it.</summary>
    public FrontendOptions Frontend { get; set; } = new();

    /// <summary>The bearer token the operator's calls to the gateway carry (an admin token).</summary>
    public string? ServiceToken { get; set; }

    public RabbitMqOptions RabbitMq { get; set; } = new();

    public sealed class FrontendOptions
    {
        public string? BrowserToken { get; set; }
    }

    public sealed class RabbitMqOptions
    {
        /// <summary>The management API, e.g. <c>http://127.0.0.1:15672</c>; credentials in the URL, else guest/guest.</summary>
        public Uri? ManagementUrl { get; set; }

        /// <summary>
        /// The virtual host whose queues are shown; unset, the one in <c>ConnectionStrings:messaging</c>, and every
        /// virtual host the account may see when that is unset too. A shared broker holds other systems' queues.
        /// </summary>
        public string? VirtualHost { get; set; }
    }
}
