namespace EcosystemMarket.MatchingBenchmark;

/// <summary>The figures of a run: what was measured, against which target, and whether it was met.</summary>
public sealed class ReportTable
{
    private readonly List<(string Figure, string Value, string Target, bool? Met)> _rows = [];

    public bool AllMet => _rows.TrueForAll(r => r.Met != false);

    public IEnumerable<string> Missed => _rows.Where(r => r.Met == false).Select(r => r.Figure);

    public void Add(string figure, string value, string target = "", bool? met = null) => _rows.Add((figure, value, target, met));

    public void Print(TextWriter output)
    {
        string[] header = ["figure", "value", "target", "met"];
        var cells = _rows.Select(r => new[] { r.Figure, r.Value, r.Target, r.Met switch { true => "yes", false => "NO", null => "" } }).ToList();
        var widths = Enumerable.Range(0, 4).Select(c => cells.Select(row => row[c].Length).Prepend(header[c].Length).Max()).ToArray();
        string Line(string[] row) => "| " + string.Join(" | ", row.Select((cell, c) => cell.PadRight(widths[c]))) + " |";
        output.WriteLine(Line(header));
        output.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in cells)
        {
            output.WriteLine(Line(row));
        }
    }
}
