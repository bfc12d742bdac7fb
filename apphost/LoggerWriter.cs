using System.Text;

namespace EcosystemMarket.AppHost;

/// <summary>Lines written by the demo seeding, as log entries of the resource it runs against (its console in the dashboard).</summary>
public sealed class LoggerWriter(ILogger logger) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void WriteLine(string? value) => logger.LogInformation("{Line}", value);

    public override void Write(char value) => throw new NotSupportedException("Write whole lines.");
}
