using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.Portal.Ecosystem;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace EcosystemMarket.Portal.Components.Figures;

/// <summary>A <see cref="RelationshipNetwork"/> as Plotly scatter traces: one line per pair (its own width and colour), then the partners as points.</summary>
public static class NetworkTraces
{
    public static string ColorOf(Trend trend) => trend switch
    {
        Trend.Rising => Palette.Good,
        Trend.Falling => Palette.Bad,
        _ => "#9ca3af",
    };

    public static IList<ITrace> Of(RelationshipNetwork network)
    {
        var traces = network.Edges.Select(e => (ITrace)new Scatter
        {
            Mode = ModeFlag.Lines,
            X = [e.From.X, e.To.X],
            Y = [e.From.Y, e.To.Y],
            Line = new Line { Width = (decimal)Math.Round(e.Width, 1), Color = ColorOf(e.Trend) },
            HoverInfo = HoverInfoFlag.Text,
            Text = $"{e.From.Name} – {e.To.Name}: activity {e.Activity}, {e.Trend.ToString().ToLowerInvariant()}",
            ShowLegend = false,
        }).ToList();
        var busiest = Math.Max(1, network.Nodes.Count == 0 ? 1 : network.Nodes.Max(n => n.Activity));
        traces.Add(new Scatter
        {
            Mode = ModeFlag.Markers | ModeFlag.Text,
            X = network.Nodes.Select(n => (object)n.X).ToList(),
            Y = network.Nodes.Select(n => (object)n.Y).ToList(),
            TextArray = network.Nodes.Select(n => ShortName(n.Name)).ToList(),
            TextPositionArray = network.Nodes.Select(n => (TextPositionEnum?)PositionOf(n)).ToList(),
            HoverTextArray = network.Nodes.Select(n => $"{n.Name}: {n.Pairs} pairs, activity {n.Activity}").ToList(),
            HoverInfo = HoverInfoFlag.Text,
            Marker = new Marker
            {
                SizeArray = network.Nodes.Select(n => (decimal?)Math.Round(8 + 14.0 * n.Activity / busiest, 1)).ToList(),
                Color = Palette.Primary,
                Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Color = "#ffffff", Width = 1 },
            },
            TextFont = new TextFont { Size = 11, Color = "#1f2937" },
            ShowLegend = false,
        });
        return traces;
    }

    /// <summary>A label that fits beside a node on a phone: the first word, at most 14 characters (the full name is in the hover text and the table).</summary>
    public static string ShortName(string name)
    {
        var first = name.Split(' ', 2)[0];
        return first.Length <= 14 ? first : first[..13] + "…";
    }

    // Labels outside the circle: left of the nodes on its left half, right on its right half.
    private static TextPositionEnum PositionOf(NetworkNode node) => (node.Y > 0.3, node.Y < -0.3, node.X < -0.05, node.X > 0.05) switch
    {
        (true, _, true, _) => TextPositionEnum.TopLeft,
        (true, _, _, true) => TextPositionEnum.TopRight,
        (true, _, _, _) => TextPositionEnum.TopCenter,
        (_, true, true, _) => TextPositionEnum.BottomLeft,
        (_, true, _, true) => TextPositionEnum.BottomRight,
        (_, true, _, _) => TextPositionEnum.BottomCenter,
        (_, _, true, _) => TextPositionEnum.MiddleLeft,
        _ => TextPositionEnum.MiddleRight,
    };

    public static Plotly.Blazor.Layout Layout() => new()
    {
        Height = 420,
        AutoSize = true,
        Margin = new Margin { L = 8, R = 8, T = 24, B = 24 },
        ShowLegend = false,
        HoverMode = HoverModeEnum.Closest,
        XAxis = [new XAxis { Visible = false, Range = [-1.9, 1.9], FixedRange = true }],
        YAxis = [new YAxis { Visible = false, Range = [-1.3, 1.3], FixedRange = true }],
        Font = new Font { Family = "system-ui, sans-serif", Size = 11, Color = "#1f2937" },
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        DragMode = DragModeEnum.False,
    };
}
