using System.Globalization;
using System.Text;
using EcosystemMarket.Dashboard.Security;

namespace EcosystemMarket.Dashboard.Resources;

/// <summary>A resource's console lines as the app host still holds them, as a text file, one timestamped line each.</summary>
public static class ConsoleDownload
{
    private const int PageSize = 2000;

    public static WebApplication MapConsoleDownload(this WebApplication app)
    {
        app.MapGet("/console/{resource}/download", DownloadAsync).RequireAuthorization(DashboardSecurity.OperatorPolicy);
        return app;
    }

    private static async Task<IResult> DownloadAsync(string resource, ResourceServiceClient resources, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!resources.IsConfigured)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No resource service is configured.");
        }
        if (!(await resources.ResourcesAsync(cancellationToken)).Any(r => r.Name == resource))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no resource named '{resource}'.");
        }
        var text = new StringBuilder();
        for (long after = 0; ;)
        {
            var page = await resources.LogsAsync(resource, after, PageSize, cancellationToken);
            foreach (var line in page.Lines)
            {
                text.Append(line.Timestamp.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture))
                    .Append(line.IsError ? " ERR " : " OUT ").AppendLine(line.Text);
            }
            if (page.Lines.Count == 0 || page.Next == after)
            {
                break;
            }
            after = page.Next;
        }
        var name = $"{resource}-{clock.GetUtcNow():yyyyMMdd-HHmmss}.log";
        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/plain; charset=utf-8", name);
    }
}
