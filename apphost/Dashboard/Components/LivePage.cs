using System.Text.Json;
using Microsoft.AspNetCore.Components;

namespace EcosystemMarket.Dashboard.Components;

/// <summary>
/// A page that reads its sources again every few seconds while a browser shows it (interactive server rendering:
/// the timer lives in the circuit, the new markup goes down the circuit's connection).
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private Timer? _timer;

    /// <summary>Why the last read of a source failed; the page shows it and keeps trying.</summary>
    protected string? Problem { get; private set; }

    protected virtual TimeSpan RefreshEvery => TimeSpan.FromSeconds(2);

    /// <summary>
    /// True once the circuit is up. Until then the page is prerendered HTML whose buttons do nothing, so pages mark
    /// their title with it (<c>data-interactive</c>) for whoever must know when a click will count.
    /// </summary>
    protected bool Interactive { get; private set; }

    protected abstract Task RefreshAsync();

    protected override Task OnInitializedAsync() => ReadSourcesAsync();

    /// <summary>Reads again now, after the user changed what the page shows.</summary>
    protected Task ReloadAsync() => ReadSourcesAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        // Only an interactive render gets here: a prerendered page has no circuit to push updates down.
        if (firstRender)
        {
            Interactive = true;
            StateHasChanged();
            _timer = new Timer(_ => _ = InvokeAsync(async () =>
            {
                await ReadSourcesAsync();
                StateHasChanged();
            }), null, RefreshEvery, RefreshEvery);
        }
    }

    private async Task ReadSourcesAsync()
    {
        try
        {
            await RefreshAsync();
            Problem = null;
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException or JsonException)
        {
            Problem = failure.Message;
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        GC.SuppressFinalize(this);
    }
}
