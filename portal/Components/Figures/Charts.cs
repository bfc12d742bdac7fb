using Plotly.Blazor;
using Plotly.Blazor.ConfigLib;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace EcosystemMarket.Portal.Components.Figures;

/// <summary>How the portal's Plotly charts look: small, static (no mode bar, no zooming: the figures are in a table beside), fitting their box.</summary>
public static class Charts
{
    public static Config Config => new()
    {
        Responsive = true,
        DisplayModeBar = DisplayModeBarEnum.False,
        DisplayLogo = false,
        StaticPlot = false,
        ScrollZoom = ScrollZoomFlag.False,
    };

    public static Plotly.Blazor.Layout Layout(int height, bool showLegend) => new()
    {
        Height = height,
        AutoSize = true,
        // The legend above the plot, in its own margin, so it never covers a bar.
        Margin = new Margin { L = 48, R = 8, T = showLegend ? 56 : 8, B = 40 },
        ShowLegend = showLegend,
        Legend = [new Legend
        {
            Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H,
            Y = 1.02m,
            YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Bottom,
            X = 0,
        }],
        BarMode = BarModeEnum.Group,
        Font = new Font { Family = "system-ui, sans-serif", Size = 12, Color = "#1f2937" },
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        DragMode = DragModeEnum.False,
    };

    public static IList<ITrace> Bars(IReadOnlyList<ChartSeries> series) =>
        series.Select(s => (ITrace)new Bar
        {
            Name = s.Name,
            X = s.Points.Select(p => (object)p.Group).ToList(),
            Y = s.Points.Select(p => (object)p.Value).ToList(),
            TextArray = s.Points.Select(p => p.Text).ToList(),
            HoverInfo = Plotly.Blazor.Traces.BarLib.HoverInfoFlag.Text | Plotly.Blazor.Traces.BarLib.HoverInfoFlag.Name,
            TextPosition = Plotly.Blazor.Traces.BarLib.TextPositionEnum.None,
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = s.Color },
        }).ToList();
}
