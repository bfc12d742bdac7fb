using System.Globalization;
using System.Text;

namespace EcosystemMarket.Dashboard.Metrics;

/// <summary>
/// Reads the Prometheus text exposition format (version 0.0.4) as the OpenTelemetry exporter writes it:
/// <c># TYPE</c> lines, then <c>name{label="value",…} value [timestamp]</c>, label values with \\, \" and \n escapes.
/// </summary>
public static class PrometheusText
{
    private static readonly string[] HistogramSuffixes = ["_bucket", "_sum", "_count"];

    public static IReadOnlyList<MetricSample> Parse(string text)
    {
        var types = new Dictionary<string, MetricKind>(StringComparer.Ordinal);
        var samples = new List<MetricSample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (line[0] == '#')
            {
                ReadType(line, types);
                continue;
            }
            if (ReadSample(line, types) is { } sample)
            {
                samples.Add(sample);
            }
        }
        return samples;
    }

    private static void ReadType(string line, Dictionary<string, MetricKind> types)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is ["#", "TYPE", var family, var type])
        {
            types[family] = type switch
            {
                "counter" => MetricKind.Counter,
                "histogram" => MetricKind.Histogram,
                _ => MetricKind.Gauge,
            };
        }
    }

    private static MetricSample? ReadSample(string line, Dictionary<string, MetricKind> types)
    {
        var position = 0;
        while (position < line.Length && line[position] is not ('{' or ' ' or '\t'))
        {
            position++;
        }
        var name = line[..position];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (position < line.Length && line[position] == '{')
        {
            position = ReadLabels(line, position + 1, labels);
        }
        var rest = line[position..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (name.Length == 0 || rest.Length == 0 || !TryParseValue(rest[0], out var value))
        {
            return null;
        }
        return new MetricSample(name, labels, value, KindOf(name, types));
    }

    /// <summary>Reads <c>a="x",b="y"}</c> from just after the brace; returns the position after the closing brace.</summary>
    private static int ReadLabels(string line, int position, Dictionary<string, string> labels)
    {
        while (position < line.Length)
        {
            while (position < line.Length && line[position] is ' ' or ',')
            {
                position++;
            }
            if (position >= line.Length || line[position] == '}')
            {
                return position + 1;
            }
            var equals = line.IndexOf('=', position);
            if (equals < 0 || equals + 1 >= line.Length || line[equals + 1] != '"')
            {
                return line.Length;
            }
            var labelName = line[position..equals].Trim();
            var value = new StringBuilder();
            position = equals + 2;
            for (; position < line.Length && line[position] != '"'; position++)
            {
                if (line[position] == '\\' && position + 1 < line.Length)
                {
                    position++;
                    value.Append(line[position] == 'n' ? '\n' : line[position]);
                }
                else
                {
                    value.Append(line[position]);
                }
            }
            labels[labelName] = value.ToString();
            position++;
        }
        return position;
    }

    /// <summary>A sample value or a bucket's <c>le</c> bound, which may be +Inf.</summary>
    public static bool TryParseValue(string? text, out double value)
    {
        switch (text)
        {
            case "+Inf": value = double.PositiveInfinity; return true;
            case "-Inf": value = double.NegativeInfinity; return true;
            case "NaN": value = double.NaN; return true;
            default: return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    /// <summary>A counter's family may be declared with or without <c>_total</c>; a histogram's parts by the family name.</summary>
    private static MetricKind KindOf(string name, Dictionary<string, MetricKind> types)
    {
        if (types.TryGetValue(name, out var kind))
        {
            return kind;
        }
        if (name.EndsWith("_total", StringComparison.Ordinal) && types.TryGetValue(name[..^"_total".Length], out kind))
        {
            return kind;
        }
        foreach (var suffix in HistogramSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(name[..^suffix.Length], out kind) && kind == MetricKind.Histogram)
            {
                return kind;
            }
        }
        return name.EndsWith("_total", StringComparison.Ordinal) ? MetricKind.Counter : MetricKind.Gauge;
    }
}
