using System.Globalization;
using System.Text;

namespace EcosystemMarket.BrowserTests;

/// <summary>Writes the Prometheus text format as the OpenTelemetry exporter does, for the fake services' /metrics.</summary>
public sealed class Exposition
{
    private readonly StringBuilder _text = new();
    private readonly HashSet<string> _declared = [];

    public Exposition Add(string name, string type, double value, params (string Name, string Value)[] labels)
    {
        var family = type == "histogram" ? name[..name.LastIndexOf('_')] : name;
        if (_declared.Add(family))
        {
            _text.Append(CultureInfo.InvariantCulture, $"# TYPE {family} {type}\n");
        }
        var labelText = labels.Length == 0 ? "" : "{" + string.Join(",", labels.Select(l => $"{l.Name}=\"{Escape(l.Value)}\"")) + "}";
        _text.Append(CultureInfo.InvariantCulture, $"{name}{labelText} {value.ToString(CultureInfo.InvariantCulture)} 1700000000000\n");
        return this;
    }

    /// <summary>A histogram's cumulative buckets, sum and count from a list of observations.</summary>
    public Exposition Histogram(string name, double[] bounds, IReadOnlyList<double> observations, params (string Name, string Value)[] labels)
    {
        foreach (var bound in bounds.Append(double.PositiveInfinity))
        {
            var le = double.IsPositiveInfinity(bound) ? "+Inf" : bound.ToString(CultureInfo.InvariantCulture);
            Add(name + "_bucket", "histogram", observations.Count(o => o <= bound), [.. labels, ("le", le)]);
        }
        Add(name + "_sum", "histogram", observations.Sum(), labels);
        return Add(name + "_count", "histogram", observations.Count, labels);
    }

    public override string ToString() => _text.ToString();

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
